using PerijinanBot.Bot.Files;
using PerijinanBot.Reports.Agenda;
using PerijinanBot.Reports.Laporan;
using PerijinanBot.Reports.Undangan;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Letters;

/// <summary>
/// The Surat Undangan of a kegiatan: entered in the Buku Agenda Surat Keluar when the Kepala Dinas gives the disposition, and
/// written as PDF and DOCX at fixed blob names listed in table <c>Dokumen</c>, so making it again after a crash or from two
/// instances leaves the same result (the agenda keeps the letter's first serial).
/// </summary>
public sealed class UndanganDocuments(KegiatanDocuments documents, FileStore files, PeopleDirectory people, KopSettings kop, UndanganSettings settings)
{
    /// <summary>
    /// The invitation's PDF and DOCX (PDF first), made unless already made; <paramref name="regenerate"/> makes them again, e.g.
    /// after its SRIKANDI number was recorded. Empty while the disposition has not been given or the SOP has no invitation.
    /// </summary>
    public async Task<IReadOnlyList<KegiatanDocument>> EnsureAsync(Kegiatan kegiatan, SopDefinition definition, bool regenerate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        if (!regenerate)
        {
            var existing = await documents.ListAsync(kegiatan.Number, cancellationToken);
            if (existing.TryGetValue(KegiatanDocuments.UndanganPdf, out var pdf) && existing.TryGetValue(KegiatanDocuments.UndanganDocx, out var docx))
            {
                return [pdf, docx];
            }
        }

        if (StepOf(definition) is not { } step || await documents.RecordLetterAsync(kegiatan, definition, step.Number, cancellationToken) is not { } entry)
        {
            return [];
        }

        var surat = SuratUndanganDocument.From(new UndanganRequest(kegiatan, definition, people, entry, settings, kop));
        var folder = $"undangan/{KegiatanDocuments.FolderOf(kegiatan.Number)}";
        var made = new List<KegiatanDocument>();
        foreach (var (key, extension, contentType, render) in new (string, string, string, Func<SuratUndangan, byte[]>)[]
        {
            (KegiatanDocuments.UndanganPdf, "pdf", KegiatanDocuments.PdfType, SuratUndanganDocument.Pdf),
            (KegiatanDocuments.UndanganDocx, "docx", KegiatanDocuments.DocxType, SuratUndanganDocument.Docx),
        })
        {
            var fileName = SuratUndanganDocument.FileName(surat, extension);
            var stored = await files.PutAsync($"{folder}/{fileName}", fileName, contentType, BinaryData.FromBytes(render(surat)), cancellationToken);
            made.Add(await documents.RecordAsync(kegiatan.Number, key, stored, entry.Nomor, cancellationToken));
        }

        return made;
    }

    /// <summary>The agenda entry of the kegiatan's invitation, once entered.</summary>
    public async Task<AgendaEntry?> EntryAsync(Kegiatan kegiatan, SopDefinition definition, CancellationToken cancellationToken) =>
        StepOf(definition) is { } step ? await documents.RecordLetterAsync(kegiatan, definition, step.Number, cancellationToken) : null;

    /// <summary>The step whose finishing sends the invitation (the disposition), or null.</summary>
    public static StepDefinition? StepOf(SopDefinition definition) => KegiatanDocuments.StepOf(definition, AgendaDocuments.Undangan);
}
