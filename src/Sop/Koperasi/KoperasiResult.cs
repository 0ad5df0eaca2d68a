using System.Text.Json;

namespace PerijinanBot.Sop.Koperasi;

/// <summary>
/// What the facilitation came to for one koperasi, as a <c>koperasiResults</c> field stores it (step 7): the hasil (a value of
/// the field's choices), the participants on the daftar hadir and the berita acara's number. The name and NIK are copied from
/// the koperasi list when the report is submitted, so the record reads on its own.
/// </summary>
public sealed record KoperasiResult
{
    public string Nama { get => _nama; init => _nama = value ?? ""; }

    private readonly string _nama = "";

    public string? Nik { get; init; }

    /// <summary>A value of the field's choices ("siap", "lengkapi", "berhenti").</summary>
    public string Hasil { get => _hasil; init => _hasil = value ?? ""; }

    private readonly string _hasil = "";

    /// <summary>Participants of this koperasi on the daftar hadir.</summary>
    public int Peserta { get; init; }

    public string BeritaAcara { get => _beritaAcara; init => _beritaAcara = value ?? ""; }

    private readonly string _beritaAcara = "";
}

/// <summary>Reads and writes the stored value of a <c>koperasiResults</c> field, and names its card inputs.</summary>
public static class KoperasiResults
{
    /// <summary>The field id the report step uses (documents and cards read it).</summary>
    public const string FieldId = "hasilKoperasi";

    public const string Hasil = "hasil";
    public const string Peserta = "peserta";
    public const string BeritaAcara = "beritaAcara";

    /// <summary>The input id of one part for the <paramref name="slot"/>-th koperasi of the list (1-based).</summary>
    public static string Id(string fieldId, int slot, string part) => $"{fieldId}.{slot}.{part}";

    public static string Serialize(IReadOnlyList<KoperasiResult> results) =>
        JsonSerializer.Serialize(results, SopJsonContext.Default.IReadOnlyListKoperasiResult);

    /// <summary>The results in a stored value; empty for null, blank or anything that is not such a list.</summary>
    public static IReadOnlyList<KoperasiResult> Parse(string? stored)
    {
        if (stored?.TrimStart() is not ['[', ..] text)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize(text, SopJsonContext.Default.IReadOnlyListKoperasiResult) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
