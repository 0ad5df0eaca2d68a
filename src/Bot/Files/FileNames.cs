using System.Text;
using PerijinanBot.Dialogs.Reports;

namespace PerijinanBot.Bot.Files;

/// <summary>
/// The two kinds of names a stored file has: the blob name (a path inside the container, chosen by code) and the file
/// name users see when they save the download (often built from user input, so cleaned rather than trusted).
/// </summary>
internal static class FileNames
{
    /// <summary>What a file is called when nothing usable is left of the name it was given.</summary>
    public const string Fallback = DocumentTexts.FallbackFileName;

    private const int MaxFileNameLength = 150;
    private const int MaxExtensionLength = 16;
    private const int MaxBlobNameLength = 1024;

    /// <summary>
    /// A file name safe in a blob name, a URL segment and on the user's disk: no path separators, no "..", none of the
    /// characters Windows refuses, no leading or trailing dots or spaces (Windows drops those silently), bounded length.
    /// </summary>
    public static string Sanitize(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return Fallback;
        }

        var builder = new StringBuilder(fileName.Length);
        // Runes, not chars: a lone surrogate (which no encoder accepts) comes out as U+FFFD instead of breaking the URL.
        foreach (var rune in fileName.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || rune.Value is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|')
            {
                builder.Append('_');
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        // One spelling per name: the link's file name segment is compared with the stored one ordinally.
        var name = builder.ToString().Normalize(NormalizationForm.FormC);
        while (name.Contains("..", StringComparison.Ordinal))
        {
            name = name.Replace("..", ".", StringComparison.Ordinal);
        }

        name = Shorten(name.Trim(' ', '.'));
        return name.Length == 0 ? Fallback : name;
    }

    /// <summary>
    /// True for a blob name made of non-empty segments that are not "." or "..": anything else could be resolved by a
    /// URL parser into a different path (another container, another file) than the one that was signed.
    /// </summary>
    public static bool IsSafeBlobName(string? blobName)
    {
        if (string.IsNullOrEmpty(blobName) || blobName.Length > MaxBlobNameLength)
        {
            return false;
        }

        foreach (var segment in blobName.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".." || segment.Trim().Length == 0)
            {
                return false;
            }
        }

        for (var i = 0; i < blobName.Length; i++)
        {
            var c = blobName[i];
            if (char.IsHighSurrogate(c) && i + 1 < blobName.Length && char.IsLowSurrogate(blobName[i + 1]))
            {
                i++;
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\\')
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string name)
    {
        if (name.Length <= MaxFileNameLength)
        {
            return name;
        }

        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= MaxExtensionLength ? name[dot..] : "";
        var stem = name[..(MaxFileNameLength - extension.Length)];
        if (char.IsHighSurrogate(stem[^1]))
        {
            // Never cut a character in two: half a surrogate pair is not valid UTF-8 in a blob name or a URL.
            stem = stem[..^1];
        }

        return stem.TrimEnd(' ', '.') + extension;
    }
}
