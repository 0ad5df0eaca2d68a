using PerijinanBot.Reports.Laporan;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Reports.Undangan;

/// <summary>The koperasi a Surat Undangan is addressed to: every koperasi of the kegiatan's list, in the order entered.</summary>
internal static class UndanganKoperasi
{
    /// <summary>Every koperasi's name, cleaned for print, in the order entered; empty when none was entered.</summary>
    public static IReadOnlyList<string> Names(Kegiatan kegiatan) =>
        [.. KegiatanKoperasi.Of(kegiatan).Select(k => LaporanText.CleanOrNull(k.Nama)).OfType<string>()];
}
