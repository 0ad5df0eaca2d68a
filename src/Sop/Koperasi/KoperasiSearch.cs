using System.Text;

namespace PerijinanBot.Sop.Koperasi;

/// <summary>What a search index holds for a koperasi, and what a typed query looks up in it.</summary>
/// <param name="Kind"><see cref="KoperasiSearch.Nik"/> (exact) or <see cref="KoperasiSearch.Nama"/> (a prefix of a key).</param>
public sealed record KoperasiKey(string Kind, string Key);

/// <summary>
/// The keys of the koperasi search (<c>cari</c>): a NIK as its 16 digits; a name lower-cased, letters and digits only, single
/// spaces, once from each word on, so "maju" finds "KSP Maju Bersama" and "ksp maju" finds it too.
/// </summary>
public static class KoperasiSearch
{
    public const string Nik = "nik";
    public const string Nama = "nama";

    /// <summary>Shorter name queries would list most of the office's kegiatan.</summary>
    public const int MinQueryLength = 3;

    /// <summary>Every key of the koperasi in a stored list (duplicates removed).</summary>
    public static IReadOnlyList<KoperasiKey> Keys(IEnumerable<KoperasiEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var keys = new List<KoperasiKey>();
        foreach (var entry in entries)
        {
            if (entry.Nik is { Length: 16 } nik)
            {
                keys.Add(new KoperasiKey(Nik, nik));
            }

            var words = Normalise(entry.Nama).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length; i++)
            {
                keys.Add(new KoperasiKey(Nama, string.Join(' ', words[i..])));
            }
        }

        return [.. keys.Distinct()];
    }

    /// <summary>
    /// What to look up for a typed query: 16 digits (spaces, dots, dashes allowed) is a NIK, anything else a name prefix;
    /// null when the query is too short to mean a koperasi.
    /// </summary>
    public static KoperasiKey? Query(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        var digits = new string([.. trimmed.Where(c => c is not (' ' or '.' or '-'))]);
        if (digits.Length == 16 && digits.All(char.IsAsciiDigit))
        {
            return new KoperasiKey(Nik, digits);
        }

        var name = Normalise(trimmed);
        return name.Length >= MinQueryLength ? new KoperasiKey(Nama, name) : null;
    }

    /// <summary>Lower case, letters and digits only (anything else a space), single spaces.</summary>
    public static string Normalise(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }
}
