using System.Globalization;
using System.Text;

namespace PerijinanBot.Reports.Spreadsheets;

/// <summary>
/// The SpreadsheetML escape for text XML cannot carry (ECMA-376 ST_Xstring): a control character (carriage return included)
/// or a lone surrogate becomes <c>_xHHHH_</c>, and an underscore that would otherwise read as the start of such an escape
/// becomes <c>_x005F_</c>. Excel decodes the same way, so user text of any kind survives a round trip.
/// </summary>
internal static class XlsxText
{
    /// <summary>Excel refuses cells longer than this.</summary>
    public const int MaxCellLength = 32767;

    public static string Escape(string text)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = null;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (!IsSafe(c))
            {
                replacement = Code(c);
            }
            else if (c == '_' && LooksLikeEscape(text, i))
            {
                replacement = Code('_');
            }

            if (replacement is null)
            {
                escaped?.Append(c);
                continue;
            }

            escaped ??= new StringBuilder(text, 0, i, text.Length + 16);
            escaped.Append(replacement);
        }

        return escaped?.ToString() ?? text;
    }

    /// <summary>Cuts at Excel's cell limit without splitting a surrogate pair.</summary>
    public static string Fit(string text)
    {
        if (text.Length <= MaxCellLength)
        {
            return text;
        }

        var length = MaxCellLength - 1;
        if (char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return string.Concat(text.AsSpan(0, length), "…");
    }

    // A carriage return is legal XML but parsers turn it into a line feed, so it is escaped too (as Excel does).
    private static bool IsSafe(char c) =>
        c is '\t' or '\n' || (c >= ' ' && c < '\uD800') || (c > '\uDFFF' && c < '\uFFFE');

    private static string Code(char c) => "_x" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + "_";

    private static bool LooksLikeEscape(string text, int at) =>
        at + 6 < text.Length && text[at + 1] == 'x' && text[at + 6] == '_' && text.AsSpan(at + 2, 4).ContainsOnlyHex();

    private static bool ContainsOnlyHex(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
