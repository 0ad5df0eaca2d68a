using System.Text;
using System.Text.RegularExpressions;

namespace PerijinanBot.Dialogs;

/// <summary>
/// Typed words inside a sentence that Teams reads as markdown: a TextBlock's text, a fact's title or value, a chat message
/// (textFormat markdown). A whole typed value goes in a TextRun instead (<see cref="Cards.CardElements.UserText"/>), which
/// is never read as markdown; this is for the phrase that has to sit inside fixed words (a Plh.'s basis after "dasar", a
/// SRIKANDI number in a fact, a command echoed back).
/// </summary>
/// <remarks>
/// The characters that could open a link, emphasis, strikethrough, code, a tag, a mention, an entity, or a heading, list or
/// quote at the start of a line are swapped for look-alikes that no markdown reader acts on, so the phrase reads the same
/// and renders as typed. Not backslash escapes: Teams on iOS and Android shows the backslash that desktop hides
/// (microsoft/AdaptiveCards#5590, MicrosoftDocs/msteams-docs#5793), and the renderers' emphasis parsing does not honour
/// escapes (microsoft/AdaptiveCards#5758). Not entities either: Teams mobile shows an entity as typed where desktop decodes
/// it (MicrosoftDocs/msteams-docs#10997). Which fields Teams reads as markdown (TextBlock, Fact.Title, Fact.Value; HTML in
/// none) and that a TextRun reads no markdown: the Teams "Format cards" page and the Adaptive Cards "Text features" page on
/// learn.microsoft.com.
/// </remarks>
public static partial class Markdown
{
    /// <summary>
    /// <paramref name="typed"/> made inert for a markdown sentence: it reads the same, and renders as typed. Line breaks
    /// become spaces (this is a phrase inside a line; multi-line text belongs in a TextRun). Null gives "".
    /// </summary>
    public static string Literal(string? typed)
    {
        if (string.IsNullOrEmpty(typed))
        {
            return "";
        }

        var text = new StringBuilder(typed.Length);
        for (var i = 0; i < typed.Length; i++)
        {
            var c = typed[i];
            text.Append(c switch
            {
                '*' => '\u2217', // ∗ asterisk operator
                '_' => '\uFF3F', // ＿ fullwidth low line
                '~' => '\uFF5E', // ～ fullwidth tilde
                '`' => '\uFF40', // ｀ fullwidth grave accent
                '[' => '\uFF3B', // ［
                ']' => '\uFF3D', // ］
                '<' => '\uFF1C', // ＜
                '>' => '\uFF1E', // ＞
                '&' when Entity().IsMatch(typed, i) => '\uFF06', // ＆, only where "&lt;", "&#60;" … would be decoded
                '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' => ' ',
                _ => c,
            });
        }

        NeutraliseLineStart(text);
        return text.ToString();
    }

    /// <summary>
    /// The phrase may open a line of the sentence it goes into: a heading ("# "), a bullet ("- ", "+ "; "*" and "&gt;" are
    /// swapped everywhere) or a numbered item ("1. ", "1) ") there loses the character that makes it one.
    /// </summary>
    private static void NeutraliseLineStart(StringBuilder text)
    {
        var start = 0;
        while (start < text.Length && text[start] is ' ' or '\t')
        {
            start++;
        }

        if (start == text.Length)
        {
            return;
        }

        var marker = start;
        switch (text[start])
        {
            case '#':
                while (marker < text.Length && text[marker] == '#')
                {
                    marker++;
                }

                if (marker - start <= 6 && EndsMarker(text, marker))
                {
                    text[start] = '\uFF03'; // ＃
                }

                return;
            case '-':
                text[start] = '\u2010'; // ‐ hyphen: also no thematic break ("---")
                return;
            case '+' when EndsMarker(text, start + 1):
                text[start] = '\uFF0B'; // ＋
                return;
            default:
                while (marker < text.Length && marker - start < 10 && char.IsAsciiDigit(text[marker]))
                {
                    marker++;
                }

                if (marker > start && marker - start <= 9 && marker < text.Length && text[marker] is '.' or ')' && EndsMarker(text, marker + 1))
                {
                    text[marker] = text[marker] == '.' ? '\u2024' : '\uFF09'; // ․ one dot leader, ） fullwidth
                }

                return;
        }
    }

    private static bool EndsMarker(StringBuilder text, int index) => index == text.Length || text[index] is ' ' or '\t';

    [GeneratedRegex(@"\G&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex Entity();
}
