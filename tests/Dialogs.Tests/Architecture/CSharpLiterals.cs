using System.Text;

namespace PerijinanBot.Dialogs.Tests.Architecture;

/// <summary>One string literal of a source file: where it starts, its text (interpolation holes as a space) and the code before it in its statement.</summary>
internal sealed record SourceLiteral(string File, int Line, string Text, string StatementBefore);

/// <summary>
/// A small C# lexer, enough to find string literals outside comments: regular, verbatim, interpolated (holes may hold
/// literals of their own), raw, and char literals (so a '"' never opens a string). Not a parser: it knows what is code,
/// comment or literal, and for each literal the code of its statement before it (from the last ';', '{' or '}' in code).
/// </summary>
internal static class CSharpLiterals
{
    public static IReadOnlyList<SourceLiteral> Read(string file, string source)
    {
        var reader = new Reader(file, source);
        reader.Code(stopAtBrace: false);
        return reader.Found;
    }

    private sealed class Reader(string file, string source)
    {
        private readonly StringBuilder _statement = new();
        private int _at;

        public List<SourceLiteral> Found { get; } = [];

        /// <summary>Reads code until the end (or, inside an interpolation hole, until its closing brace).</summary>
        public void Code(bool stopAtBrace)
        {
            var depth = 0;
            while (_at < source.Length)
            {
                var c = source[_at];
                if (c == '/' && Peek(1) == '/')
                {
                    while (_at < source.Length && source[_at] != '\n')
                    {
                        _at++;
                    }
                }
                else if (c == '/' && Peek(1) == '*')
                {
                    var end = source.IndexOf("*/", _at + 2, StringComparison.Ordinal);
                    _at = end < 0 ? source.Length : end + 2;
                }
                else if (c == '\'')
                {
                    SkipChar();
                }
                else if (StringStart() is { } prefix)
                {
                    String(prefix);
                }
                else if (stopAtBrace && c == '}' && depth == 0)
                {
                    _at++;
                    return;
                }
                else
                {
                    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                    if (!stopAtBrace && c is ';' or '{' or '}')
                    {
                        _statement.Clear();
                    }
                    else
                    {
                        _statement.Append(c);
                    }

                    _at++;
                }
            }
        }

        private char Peek(int ahead) => _at + ahead < source.Length ? source[_at + ahead] : '\0';

        /// <summary>The prefix ($, @, $@, @$, $$…) when a string literal starts here, else null.</summary>
        private string? StringStart()
        {
            var end = _at;
            while (end < source.Length && source[end] is '$' or '@')
            {
                end++;
            }

            if (end >= source.Length || source[end] != '"' || (end > _at && _at > 0 && (char.IsLetterOrDigit(source[_at - 1]) || source[_at - 1] == '_')))
            {
                return null;
            }

            return source[_at..end];
        }

        private void String(string prefix)
        {
            var line = 1 + source.AsSpan(0, _at).Count('\n');
            var before = _statement.ToString();
            _at += prefix.Length;
            var text = new StringBuilder();
            var interpolated = prefix.Contains('$', StringComparison.Ordinal);
            var verbatim = prefix.Contains('@', StringComparison.Ordinal);
            var quotes = 0;
            while (Peek(quotes) == '"')
            {
                quotes++;
            }

            if (quotes >= 3)
            {
                Raw(quotes, interpolated ? prefix.Count(ch => ch == '$') : 0, text);
            }
            else
            {
                _at++;
                while (_at < source.Length)
                {
                    var c = source[_at];
                    if (c == '"' && verbatim && Peek(1) == '"')
                    {
                        text.Append('"');
                        _at += 2;
                    }
                    else if (c == '"')
                    {
                        _at++;
                        break;
                    }
                    else if (c == '\\' && !verbatim)
                    {
                        text.Append(Peek(1));
                        _at += 2;
                    }
                    else if (interpolated && c == '{' && Peek(1) == '{')
                    {
                        text.Append('{');
                        _at += 2;
                    }
                    else if (interpolated && c == '}' && Peek(1) == '}')
                    {
                        text.Append('}');
                        _at += 2;
                    }
                    else if (interpolated && c == '{')
                    {
                        _at++;
                        Hole(text);
                    }
                    else
                    {
                        text.Append(c);
                        _at++;
                    }
                }
            }

            Found.Add(new SourceLiteral(file, line, text.ToString(), before));
            _statement.Append("\"…\"");
        }

        private void Raw(int quotes, int dollars, StringBuilder text)
        {
            var fence = new string('"', quotes);
            _at += quotes;
            while (_at < source.Length && !source.AsSpan(_at).StartsWith(fence, StringComparison.Ordinal))
            {
                if (dollars > 0 && source.AsSpan(_at).StartsWith(new string('{', dollars), StringComparison.Ordinal))
                {
                    _at += dollars;
                    Hole(text);
                    continue;
                }

                text.Append(source[_at]);
                _at++;
            }

            _at += quotes;
        }

        /// <summary>An interpolation hole is code: its literals are literals of their own; in the text it is a space.</summary>
        private void Hole(StringBuilder text)
        {
            var saved = _statement.ToString();
            Code(stopAtBrace: true);
            _statement.Clear().Append(saved);
            text.Append(' ');
        }

        private void SkipChar()
        {
            _at++;
            while (_at < source.Length && source[_at] != '\'')
            {
                _at += source[_at] == '\\' ? 2 : 1;
            }

            _at++;
        }
    }
}
