using System.Globalization;
using PerijinanBot.Sop.Definitions;

namespace PerijinanBot.Sop.Koperasi;

/// <summary>
/// A <c>koperasiList</c> field on a card is one set of inputs per slot: <c>koperasi.2.nik</c> is the NIK of the second
/// koperasi (a dot, which no field id may contain, keeps them apart from fields). A single text under the field's own id
/// (an older card, a test) still counts as the name of one koperasi.
/// </summary>
public static class KoperasiInput
{
    public const string Nama = "nama";
    public const string Nik = "nik";
    public const string NomorBadanHukum = "nomorBh";
    public const string TanggalBadanHukum = "tanggalBh";
    public const string Nib = "nib";
    public const string Jenis = "jenis";
    public const string Alamat = "alamat";
    public const string Wilayah = "wilayah";
    public const string KontakNama = "cpNama";
    public const string KontakTelepon = "cpTelepon";

    /// <summary>The parts of a slot, in card order.</summary>
    public static readonly IReadOnlyList<string> Parts =
        [Nama, Nik, NomorBadanHukum, TanggalBadanHukum, Nib, Jenis, Alamat, Wilayah, KontakNama, KontakTelepon];

    /// <summary>Length limits of the typed parts (a step-1 card with five slots must stay under Teams' 28 KB).</summary>
    public const int MaxNama = 200;
    public const int MaxNomorBadanHukum = 60;
    public const int MaxAlamat = 300;
    public const int MaxKontakNama = 80;

    /// <summary>The input id of one part of slot <paramref name="slot"/> (1-based).</summary>
    public static string Id(string fieldId, int slot, string part) => $"{fieldId}.{slot}.{part}";

    /// <summary>
    /// The card sends a wilayah as the 1-based position of its kabupaten/kota among the choices ("3"), not its name: fourteen
    /// names in each of five slots would take a tenth of the card's size budget. The stored value stays the name.
    /// </summary>
    public static string WilayahCode(IReadOnlyList<Choice> choices, string value)
    {
        var index = choices.ToList().FindIndex(c => c.Value == value);
        return index < 0 ? value : (index + 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The kabupaten/kota a card's wilayah code stands for (a full name is taken too); null when it is neither.</summary>
    public static string? WilayahValue(IReadOnlyList<Choice> choices, string code) =>
        int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count
            ? choices[n - 1].Value
            : choices.FirstOrDefault(c => c.Value == code)?.Value;
}
