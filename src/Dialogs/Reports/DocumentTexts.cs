using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Definitions;

namespace PerijinanBot.Dialogs.Reports;

/// <summary>How a card offers one kind of stored file: the download button, the archive button, and the document it is.</summary>
public sealed record DocumentWords(string Download, string Archive, string Name);

/// <summary>What the <c>dokumen</c> command, the closing notice and the download links say about a kegiatan's documents.</summary>
public static class DocumentTexts
{
    public const string LaporanName = "Laporan Kegiatan";

    public const string DisposisiName = "Lembar Disposisi";

    public const string UndanganName = "Surat Undangan";

    public static DocumentWords LaporanPdf { get; } = new("Unduh Laporan (PDF)", "Buka arsip SharePoint (PDF)", LaporanName);

    public static DocumentWords LaporanDocx { get; } = new("Unduh Laporan (Word)", "Buka arsip SharePoint (Word)", LaporanName);

    public static DocumentWords UndanganPdf { get; } = new("Unduh Undangan (PDF)", "Buka arsip SharePoint (Undangan PDF)", UndanganName);

    public static DocumentWords UndanganDocx { get; } = new("Unduh Undangan (Word)", "Buka arsip SharePoint (Undangan Word)", UndanganName);

    public static DocumentWords DisposisiPdf { get; } = new("Unduh Lembar Disposisi (PDF)", "Buka arsip SharePoint (Disposisi)", DisposisiName);

    /// <summary>The download page's one answer to a bad, altered, expired or unknown link.</summary>
    public const string LinkRefused = "Tautan unduhan ini tidak berlaku atau sudah kedaluwarsa. Mintalah tautan baru kepada PerijinanBot di Teams.";

    public const string FileUnavailable = "Berkas ini sedang tidak dapat diambil dari penyimpanan. Silakan coba beberapa saat lagi.";

    /// <summary>What a downloaded file is called when nothing usable is left of the name it was given.</summary>
    public const string FallbackFileName = "berkas";

    /// <summary>
    /// "Laporan Kegiatan nomor 000.8 / 0002 / DISKOPUKM.B", or the name alone before it has a number. A caption is markdown;
    /// the number may be one typed from SRIKANDI.
    /// </summary>
    public static string Caption(string name, string? agendaNomor) => agendaNomor is { Length: > 0 } nomor ? $"{name} nomor {Markdown.Literal(nomor)}" : name;

    public static string NotMade(string number) =>
        $"Berkas Laporan Kegiatan belum dapat dibuat. Ketik “dokumen {number}” beberapa saat lagi; bila tetap gagal, hubungi Admin.";

    /// <summary>
    /// A kegiatan without documents yet: when each is made, from the steps whose letters they are (<paramref name="disposisi"/>,
    /// <paramref name="laporan"/>; null when the SOP has no such letter) and those steps' roles.
    /// </summary>
    public static string NoDocumentsYet(string number, SopDefinition definition, StepDefinition? disposisi, StepDefinition? laporan)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var when = new List<string>();
        if (disposisi is not null)
        {
            when.Add($"{DisposisiName} dibuat setelah {SopPhrases.Role(definition, disposisi)} {Done(disposisi)} (langkah {disposisi.Number})");
        }

        if (laporan is not null)
        {
            when.Add($"{LaporanName} dibuat setelah {SopPhrases.Role(definition, laporan)} {Done(laporan)} (langkah {laporan.Number})");
        }

        var made = when.Count == 0 ? "" : $" {string.Join("; ", when)}.";
        return $"Kegiatan {number} belum punya dokumen.{made} Ketik **status {number}** untuk melihat posisinya.";
    }

    /// <summary>What finishing a step of this kind is, after "setelah ‹peran›".</summary>
    private static string Done(StepDefinition step) => step.Kind switch
    {
        StepKind.Decision => "menyetujui",
        StepKind.Report => "mengirim laporan",
        StepKind.Execution => "mencatat pelaksanaan",
        _ => "mengirim data",
    };
}
