using System.Text.Json;

namespace PerijinanBot.Sop.Koperasi;

/// <summary>
/// One koperasi a facilitation serves, as a <c>koperasiList</c> field stores it (normalised: NIK and NIB digits only, the
/// telephone as <c>+62…</c>, the badan hukum date <c>yyyy-MM-dd</c>, wilayah as values of the kabupaten/kota choices).
/// </summary>
public sealed record KoperasiEntry
{
    public string Nama { get => _nama; init => _nama = value ?? ""; }

    private readonly string _nama = "";

    /// <summary>Nomor Induk Koperasi: 16 digits.</summary>
    public string? Nik { get; init; }

    public string? NomorBadanHukum { get; init; }

    public string? TanggalBadanHukum { get; init; }

    /// <summary>Nomor Induk Berusaha: 13 digits.</summary>
    public string? Nib { get; init; }

    /// <summary>A value of the field's choices (jenis koperasi).</summary>
    public string? Jenis { get; init; }

    public string? Alamat { get; init; }

    public IReadOnlyList<string> Wilayah { get => _wilayah; init => _wilayah = value ?? []; }

    private readonly IReadOnlyList<string> _wilayah = [];

    public string? KontakNama { get; init; }

    public string? KontakTelepon { get; init; }
}

/// <summary>Reads and writes the stored value of a <c>koperasiList</c> field; reads the older plain-text koperasi too.</summary>
public static class KoperasiList
{
    /// <summary>The field id the start step uses for its koperasi (headers, reminders, reports read it).</summary>
    public const string FieldId = "koperasi";

    public static string Serialize(IReadOnlyList<KoperasiEntry> entries) =>
        JsonSerializer.Serialize(entries, SopJsonContext.Default.IReadOnlyListKoperasiEntry);

    /// <summary>
    /// The koperasi in a stored value: a JSON array, or (kegiatan started before the list existed) one koperasi whose name is
    /// the plain text. Empty for null or blank.
    /// </summary>
    public static IReadOnlyList<KoperasiEntry> Parse(string? stored)
    {
        var text = stored?.Trim() ?? "";
        if (text.Length == 0)
        {
            return [];
        }

        if (text.StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize(text, SopJsonContext.Default.IReadOnlyListKoperasiEntry) ?? [];
            }
            catch (JsonException)
            {
                // A name that happens to start with '[' is still a name.
            }
        }

        return [new KoperasiEntry { Nama = text }];
    }

    /// <summary>The names in a stored value, joined by "; "; null when there are none.</summary>
    public static string? NamesOf(string? stored)
    {
        var names = Parse(stored).Select(k => k.Nama).Where(n => n.Length > 0).ToList();
        return names.Count == 0 ? null : string.Join("; ", names);
    }
}
