using System.Globalization;
using PerijinanBot.Sop;

namespace PerijinanBot.Dialogs.Reports;

/// <summary>What the <c>agenda</c> command and the Buku Agenda Surat Keluar say: the SRIKANDI form's answers, the export's names.</summary>
public static class AgendaTexts
{
    public const string PickLetter = "Pilih surat yang akan diberi nomor SRIKANDI.";

    public const string NoSuchLetter = "Surat itu tidak ada di Buku Agenda. Muat ulang dengan mengetik “agenda”.";

    public const string MayNotEdit = "Nomor SRIKANDI dicatat oleh pengolah surat, Ketua Tim Kerja, Kepala Bidang, atau Admin.";

    /// <summary>Added to <see cref="Saved"/> when the Laporan Kegiatan was made again to print the new number.</summary>
    public const string LaporanUpdated = "Berkas Laporan Kegiatan sudah diperbarui dengan nomor ini.";

    /// <summary>Added to <see cref="Saved"/> when the Lembar Disposisi was made again to print the new number.</summary>
    public const string DisposisiUpdated = "Lembar Disposisi sudah diperbarui dengan nomor ini.";

    /// <summary>Added to <see cref="Saved"/> when the Surat Undangan was made again to print the new number.</summary>
    public const string UndanganUpdated = "Berkas Surat Undangan sudah diperbarui dengan nomor ini.";

    /// <summary>The button under the card that downloads the period's register.</summary>
    public const string ExportLink = "Unduh Buku Agenda (Excel)";

    public static string BadNomor { get; } =
        string.Create(CultureInfo.InvariantCulture, $"Isi nomor surat dari SRIKANDI (paling banyak {AgendaCard.MaxNomorLength} karakter, tanpa baris baru).");

    public static string Duplicate(string nomor) => $"Nomor SRIKANDI “{nomor}” sudah dipakai surat lain tahun ini. Periksa kembali nomornya.";

    /// <param name="updated"><see cref="LaporanUpdated"/> or <see cref="DisposisiUpdated"/> when a file was made again, else null.</param>
    public static string Saved(string? nomorSrikandi, int serial, string kegiatanNumber, string? updated = null) =>
        string.Create(CultureInfo.InvariantCulture, $"Nomor SRIKANDI {nomorSrikandi} dicatat untuk surat No. {serial} ({kegiatanNumber}).")
        + (updated is null ? "" : " " + updated);

    public static string ExportNote(DateTimeOffset expires) =>
        $"Tautan unduhan dari bot berlaku sampai {WibFormat.DateTime(expires)}; setelah itu ketik “agenda” untuk berkas baru. Tautan arsip SharePoint tidak kedaluwarsa (buka dengan akun kantor).";

    public static string BadPeriod(string given) =>
        $"“{Markdown.Literal(given)}” bukan periode yang dikenal. Ketik **agenda** (bulan ini), **agenda bulan** atau **agenda tahun**.";

    /// <summary>A letter the viewer may number, in the form's list: "No. 7 · 000.8 / 0007 / DISKOPUKM.B · FAS-2026-0001 (laporan)".</summary>
    public static string Choice(int serial, string nomor, string kegiatanNumber, string document) =>
        string.Create(CultureInfo.InvariantCulture, $"No. {serial} · {nomor} · {kegiatanNumber} ({document})");

    /// <summary>
    /// The pengolah as the register names them: "Dewi Lestari", or a stand-in with the position he acted in, "Sari Wulandari
    /// (Plh. Kepala Bidang Perijinan dan Kelembagaan)".
    /// </summary>
    public static string Pengolah(string name, string? standInTitle) => standInTitle is null ? name : $"{name} ({standInTitle})";

    /// <summary>"Tahun 2026": a year as a period label.</summary>
    public static string YearLabel(int year) => string.Create(CultureInfo.InvariantCulture, $"Tahun {year}");

    /// <summary>"Buku Agenda Surat Keluar — November 2026": the export's title.</summary>
    public static string RegisterTitle(string periodLabel) => $"Buku Agenda Surat Keluar — {periodLabel}";

    /// <summary>"Buku-Agenda-Surat-Keluar-2026-11.xlsx": the export's file name, in downloads and in the archive.</summary>
    public static string RegisterFileName(string periodSuffix) => $"Buku-Agenda-Surat-Keluar-{periodSuffix}.xlsx";
}
