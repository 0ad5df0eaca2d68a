using PerijinanBot.Reports.Laporan;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Reports.Undangan;

/// <summary>
/// The koperasi a Surat Undangan is addressed to. The one place the invitation reads them, so that the structured koperasi
/// list (several koperasi per kegiatan) replaces this body alone.
/// </summary>
internal static class UndanganKoperasi
{
    /// <summary>Every koperasi's name, cleaned for print, in the order entered; empty when none was entered.</summary>
    public static IReadOnlyList<string> Names(Kegiatan kegiatan) =>
        LaporanText.CleanOrNull(kegiatan.Value(KegiatanFacts.Fields.Koperasi)) is { } name ? [name] : [];
}
