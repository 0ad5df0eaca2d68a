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
}
