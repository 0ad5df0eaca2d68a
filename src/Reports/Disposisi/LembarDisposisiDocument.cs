using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.People;
using PerijinanBot.Reports.Laporan;

namespace PerijinanBot.Reports.Disposisi;

/// <summary>
/// The Lembar Disposisi of step 5: <see cref="From"/> reads an approved disposition into the printed form, <see cref="Pdf"/>
/// renders it. Pure: no I/O, no clock; the same request always gives the same text.
/// </summary>
public static class LembarDisposisiDocument
{
    /// <exception cref="ArgumentException">The disposition step has no Setuju, or the definition or agenda entry is not the kegiatan's own.</exception>
    public static LembarDisposisi From(DisposisiRequest request) => DisposisiBuilder.Build(request);

    /// <summary>The disposition step: the decision the Kepala Dinas takes (step 5), whose Setuju the form records; null when the SOP has none.</summary>
    public static StepDefinition? StepOf(SopDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Steps.LastOrDefault(s => s.IsDecision && s.Role == Role.KepalaDinas);
    }

    /// <summary>A PDF on one A4 page (more only when the typed text needs them), fonts embedded, "Halaman n dari m" on every page.</summary>
    public static byte[] Pdf(LembarDisposisi lembar)
    {
        ArgumentNullException.ThrowIfNull(lembar);
        return DisposisiPdf.Render(lembar);
    }

    /// <summary>"Lembar-Disposisi-FAS-2026-0001.pdf": only ASCII letters, digits and dashes, whatever the number holds.</summary>
    public static string FileName(LembarDisposisi lembar)
    {
        ArgumentNullException.ThrowIfNull(lembar);
        return LaporanText.FileName("Lembar-Disposisi", lembar.KegiatanNumber, "pdf");
    }
}
