namespace PerijinanBot.Reports.Laporan;

/// <summary>
/// The Laporan Kegiatan of step 7: <see cref="From"/> reads a reported kegiatan into the printed model, <see cref="Docx"/> and
/// <see cref="Pdf"/> render it. Pure: no I/O, no clock; the same request always gives the same text.
/// </summary>
public static class LaporanKegiatanDocument
{
    /// <exception cref="ArgumentException">The kegiatan has no submitted report, or the definition or agenda entries are not its own.</exception>
    public static LaporanKegiatan From(LaporanRequest request) => LaporanBuilder.Build(request);

    /// <summary>A Word document (A4, appendix on a landscape page) that passes the Open XML validator.</summary>
    public static byte[] Docx(LaporanKegiatan laporan)
    {
        ArgumentNullException.ThrowIfNull(laporan);
        return LaporanDocx.Render(laporan);
    }

    /// <summary>A PDF (A4, fonts embedded, appendix on landscape pages, "Halaman n dari m" on every page).</summary>
    public static byte[] Pdf(LaporanKegiatan laporan)
    {
        ArgumentNullException.ThrowIfNull(laporan);
        return LaporanPdf.Render(laporan);
    }

    /// <summary>"Laporan-Kegiatan-FAS-2026-0001.pdf": only ASCII letters, digits and dashes, whatever the number or extension holds.</summary>
    public static string FileName(LaporanKegiatan laporan, string extension)
    {
        ArgumentNullException.ThrowIfNull(laporan);
        return LaporanText.FileName("Laporan-Kegiatan", laporan.KegiatanNumber, extension);
    }
}
