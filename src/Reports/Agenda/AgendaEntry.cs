namespace PerijinanBot.Reports.Agenda;

/// <summary>Which outgoing document of a kegiatan an agenda entry records.</summary>
public static class AgendaDocuments
{
    /// <summary>
    /// The Kepala Dinas's disposition to the Kepala Bidang (step 5, Setuju): an internal document, no longer entered in the
    /// register, but older registers hold it.
    /// </summary>
    public const string Disposisi = "disposisi";

    /// <summary>The Laporan Kegiatan (step 7).</summary>
    public const string Laporan = "laporan";

    /// <summary>The Surat Undangan to the koperasi and the narasumber, drafted when the Kepala Dinas gives the disposition (step 5).</summary>
    public const string Undangan = "undangan";
}

/// <summary>
/// One line of the Buku Agenda Surat Keluar. <see cref="Serial"/> is the register's own running number for the year (never
/// repeated, never skipped); <see cref="NomorBot"/> is that serial in the office's pattern (e.g. <c>000.8 / 0007 / DISKOPUKM.B</c>);
/// <see cref="NomorSrikandi"/> is the number SRIKANDI gave the letter, once the pengolah has entered it.
/// </summary>
public sealed record AgendaEntry(
    int Year,
    int Serial,
    DateOnly Tanggal,
    string NomorBot,
    string? NomorSrikandi,
    string Perihal,
    string Tujuan,
    string PengolahId,
    string PengolahName,
    string KegiatanNumber,
    string Document)
{
    /// <summary>The letter's number as written on it: SRIKANDI's when entered, otherwise the bot's.</summary>
    public string Nomor => NomorSrikandi ?? NomorBot;
}
