using PerijinanBot.Reports.Laporan;

namespace PerijinanBot.Reports.Undangan;

/// <summary>
/// The Surat Undangan drafted at the disposition (step 5): <see cref="From"/> reads the kegiatan into the printed letter,
/// <see cref="Docx"/> and <see cref="Pdf"/> render it. Pure: the same request always gives the same text.
/// </summary>
public static class SuratUndanganDocument
{
    /// <exception cref="ArgumentException">The kegiatan has no jadwal, or the definition or agenda entry is not its own.</exception>
    public static SuratUndangan From(UndanganRequest request) => UndanganBuilder.Build(request);

    /// <summary>A Word document (A4) that passes the Open XML validator, for the office to edit before it is signed in SRIKANDI.</summary>
    public static byte[] Docx(SuratUndangan surat)
    {
        ArgumentNullException.ThrowIfNull(surat);
        return UndanganDocx.Render(surat);
    }

    /// <summary>A PDF (A4, fonts embedded, "Halaman n dari m").</summary>
    public static byte[] Pdf(SuratUndangan surat)
    {
        ArgumentNullException.ThrowIfNull(surat);
        return UndanganPdf.Render(surat);
    }

    /// <summary>"Surat-Undangan-FAS-2026-0001.pdf": only ASCII letters, digits and dashes.</summary>
    public static string FileName(SuratUndangan surat, string extension)
    {
        ArgumentNullException.ThrowIfNull(surat);
        return LaporanText.FileName("Surat-Undangan", surat.KegiatanNumber, extension);
    }
}
