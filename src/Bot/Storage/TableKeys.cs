using System.Text;

namespace PerijinanBot.Bot.Storage;

/// <summary>
/// Table keys may not contain '/', '\', '#', '?' or control characters, and ids from Teams can
/// (conversation ids carry ';', '@', ':' and sometimes more). Escape the forbidden ones reversibly.
/// </summary>
internal static class TableKeys
{
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
