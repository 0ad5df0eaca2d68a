using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Files;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Dialogs.Reports;
using PerijinanBot.Reports.Agenda;
using PerijinanBot.Reports.Disposisi;
using PerijinanBot.Reports.Laporan;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Letters;

/// <summary>A generated document of a kegiatan: which file, and the agenda number it carries.</summary>
/// <param name="ArchiveUrl">Where this very version lies in the SharePoint archive; null until it has been uploaded there.</param>
/// <param name="ArchivedAt">When it was archived.</param>
public sealed record KegiatanDocument(string Key, StoredFile File, string AgendaNomor, DateTimeOffset GeneratedAt, Uri? ArchiveUrl = null, DateTimeOffset? ArchivedAt = null);

/// <summary>
/// The documents of a kegiatan: the outgoing letters' lines in the Buku Agenda Surat Keluar, and the files in blob storage (the
/// internal Lembar Disposisi PDF and the Surat Undangan of step 5, the Laporan Kegiatan DOCX and PDF of step 7, under the
/// office's kop), listed in table
/// <c>Dokumen</c> (partition = kegiatan, row = file). Every method is idempotent: the agenda keeps a document's first serial,
/// and the files are written at fixed names, so running again after a crash or from two instances at once leaves the same
/// result.
/// </summary>
public sealed partial class KegiatanDocuments(
    AgendaRegister agenda,
    FileStore files,
    TableServiceClient service,
    IOptions<StorageOptions> storage,
    PeopleDirectory people,
    SopEngine engine,
    KopSettings kop,
    TimeProvider time,
    IEnumerable<ILaporanDokumentasi> dokumentasi)
{
    public const string LaporanPdf = "laporan.pdf";
    public const string LaporanDocx = "laporan.docx";
    public const string DisposisiPdf = "disposisi.pdf";
    public const string UndanganPdf = "undangan.pdf";
    public const string UndanganDocx = "undangan.docx";

    internal const string PdfType = "application/pdf";
    internal const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Above this many kegiatan, <see cref="OfEntriesAsync"/> reads the whole table once instead of a partition each.</summary>
    private const int MaxPartitionQueries = 25;

    private readonly TableProvider _tables = new(service);
    private readonly string _tableName = storage.Value.TableName("Dokumen");

    /// <summary>
    /// Enters the letter of <paramref name="step"/> in the register, if the step produces one and has finished forward.
    /// Null when there is nothing (yet) to enter.
    /// </summary>
    public async Task<AgendaEntry?> RecordLetterAsync(Kegiatan kegiatan, SopDefinition definition, int step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.FindStep(step)?.SuratKeluar is not { } surat || Finished(kegiatan, step) is not { FinishedBy: { } by, FinishedAt: { } at })
        {
            return null;
        }

        var pengolah = AgendaTexts.Pengolah(by.Name, by.StandInTitle());
        return await agenda.RecordAsync(
            new AgendaRequest(kegiatan.Number, surat.Document, WibDate(at), surat.PerihalFor(kegiatan), surat.Tujuan, by.Id, pengolah),
            cancellationToken);
    }

    /// <summary>The documents already made for a kegiatan, by key (<see cref="LaporanPdf"/>, <see cref="LaporanDocx"/>, <see cref="DisposisiPdf"/>).</summary>
    public async Task<IReadOnlyDictionary<string, KegiatanDocument>> ListAsync(string number, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(_tableName, cancellationToken);
        var found = new Dictionary<string, KegiatanDocument>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(number)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found[row.RowKey] = Read(row);
        }

        return found;
    }

    /// <summary>
    /// The Laporan Kegiatan of a kegiatan whose report step has been submitted: made (and its letters entered in the
    /// register) unless already made; <paramref name="regenerate"/> makes it again, e.g. after a SRIKANDI number was recorded.
    /// Empty when the kegiatan has no report yet or its SOP has no Laporan document.
    /// </summary>
    public async Task<IReadOnlyList<KegiatanDocument>> EnsureLaporanAsync(Kegiatan kegiatan, SopDefinition definition, bool regenerate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        if (!regenerate)
        {
            var existing = await ListAsync(kegiatan.Number, cancellationToken);
            if (existing.TryGetValue(LaporanPdf, out var pdf) && existing.TryGetValue(LaporanDocx, out var docx))
            {
                return [pdf, docx];
            }
        }

        var reportStep = StepOf(definition, AgendaDocuments.Laporan);
        if (reportStep is null || await RecordLetterAsync(kegiatan, definition, reportStep.Number, cancellationToken) is not { } laporanEntry)
        {
            return [];
        }

        var dispositionStep = StepOf(definition, AgendaDocuments.Disposisi);
        var disposisi = dispositionStep is null ? null : await RecordLetterAsync(kegiatan, definition, dispositionStep.Number, cancellationToken);
        var sent = dokumentasi.SingleOrDefault() is { } source ? await source.ForAsync(kegiatan.Number, cancellationToken) : null;
        var laporan = LaporanKegiatanDocument.From(new LaporanRequest(kegiatan, definition, people, disposisi, laporanEntry, kop, sent));

        var folder = $"laporan/{FolderOf(kegiatan.Number)}";
        var made = new List<KegiatanDocument>();
        foreach (var (key, extension, contentType, render) in new (string, string, string, Func<LaporanKegiatan, byte[]>)[]
        {
            (LaporanPdf, "pdf", PdfType, LaporanKegiatanDocument.Pdf),
            (LaporanDocx, "docx", DocxType, LaporanKegiatanDocument.Docx),
        })
        {
            var fileName = LaporanKegiatanDocument.FileName(laporan, extension);
            var stored = await files.PutAsync($"{folder}/{fileName}", fileName, contentType, BinaryData.FromBytes(render(laporan)), cancellationToken);
            made.Add(await RecordAsync(kegiatan.Number, key, stored, laporanEntry.Nomor, cancellationToken));
        }

        return made;
    }

    /// <summary>
    /// The Lembar Disposisi of a kegiatan whose disposition (step 5) was approved, made unless already made;
    /// <paramref name="regenerate"/> makes it again. An internal document: not entered in the register (a disposition booked
    /// there before it became internal keeps printing its number). Null when there is no approved disposition yet.
    /// </summary>
    public async Task<KegiatanDocument?> EnsureDisposisiAsync(Kegiatan kegiatan, SopDefinition definition, bool regenerate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        if (!regenerate && (await ListAsync(kegiatan.Number, cancellationToken)).TryGetValue(DisposisiPdf, out var existing))
        {
            return existing;
        }

        if (LembarDisposisiDocument.StepOf(definition) is not { } step || Finished(kegiatan, step.Number) is not { FinishedAt: { } at })
        {
            return null;
        }

        var booked = await agenda.FindAsync(WibDate(at).Year, kegiatan.Number, AgendaDocuments.Disposisi, cancellationToken);
        var lembar = LembarDisposisiDocument.From(new DisposisiRequest(kegiatan, definition, people, booked, kop));
        var fileName = LembarDisposisiDocument.FileName(lembar);
        var stored = await files.PutAsync(
            $"disposisi/{FolderOf(kegiatan.Number)}/{fileName}", fileName, PdfType, BinaryData.FromBytes(LembarDisposisiDocument.Pdf(lembar)), cancellationToken);
        return await RecordAsync(kegiatan.Number, DisposisiPdf, stored, booked?.Nomor ?? "", cancellationToken);
    }

    /// <summary>
    /// The file each agenda entry's letter is (the Lembar Disposisi PDF, the Laporan Kegiatan PDF), by (register year, serial),
    /// for the letters whose file has been made.
    /// </summary>
    public async Task<IReadOnlyDictionary<(int Year, int Serial), KegiatanDocument>> OfEntriesAsync(IEnumerable<AgendaEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var letters = entries.Where(e => KeyOf(e.Document) is not null).ToList();
        var numbers = letters.Select(e => e.KegiatanNumber).Distinct(StringComparer.Ordinal).ToList();

        // A month's card asks about a few kegiatan, one partition each; a year's register about many, where one pass over
        // the whole table (a few rows per kegiatan) beats a round trip per kegiatan.
        var made = new Dictionary<string, IReadOnlyDictionary<string, KegiatanDocument>>(StringComparer.Ordinal);
        if (numbers.Count > MaxPartitionQueries)
        {
            var all = await ListAllAsync(cancellationToken);
            foreach (var number in numbers)
            {
                made[number] = all.GetValueOrDefault(TableKeys.Escape(number)) ?? new Dictionary<string, KegiatanDocument>();
            }
        }
        else
        {
            foreach (var number in numbers)
            {
                made[number] = await ListAsync(number, cancellationToken);
            }
        }

        var found = new Dictionary<(int Year, int Serial), KegiatanDocument>();
        foreach (var entry in letters)
        {
            if (made[entry.KegiatanNumber].TryGetValue(KeyOf(entry.Document)!, out var document))
            {
                found[(entry.Year, entry.Serial)] = document;
            }
        }

        return found;
    }

    /// <summary>The file that stands for a letter in the register: the PDF, which anyone can open.</summary>
    public static string? KeyOf(string agendaDocument) => agendaDocument switch
    {
        AgendaDocuments.Disposisi => DisposisiPdf,
        AgendaDocuments.Laporan => LaporanPdf,
        AgendaDocuments.Undangan => UndanganPdf,
        _ => null,
    };

    /// <summary>The letter (<see cref="AgendaDocuments"/>) a stored file belongs to.</summary>
    public static string LetterOf(string key) => key switch
    {
        DisposisiPdf => AgendaDocuments.Disposisi,
        UndanganPdf or UndanganDocx => AgendaDocuments.Undangan,
        _ => AgendaDocuments.Laporan,
    };

    /// <summary>The step whose letter is <paramref name="document"/>, or null.</summary>
    public static StepDefinition? StepOf(SopDefinition definition, string document) =>
        definition?.Steps.FirstOrDefault(s => string.Equals(s.SuratKeluar?.Document, document, StringComparison.Ordinal));

    /// <summary>Every document of every kegiatan, by (escaped) kegiatan number and key.</summary>
    private async Task<Dictionary<string, Dictionary<string, KegiatanDocument>>> ListAllAsync(CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(_tableName, cancellationToken);
        var all = new Dictionary<string, Dictionary<string, KegiatanDocument>>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (!all.TryGetValue(row.PartitionKey, out var documents))
            {
                documents = new Dictionary<string, KegiatanDocument>(StringComparer.Ordinal);
                all[row.PartitionKey] = documents;
            }

            documents[row.RowKey] = Read(row);
        }

        return all;
    }

    private static KegiatanDocument Read(TableEntity row) => new(
        row.RowKey,
        new StoredFile(row.GetString("BlobName") ?? "", row.GetString("FileName") ?? "", row.GetString("ContentType") ?? "", row.GetInt64("Length") ?? 0),
        row.GetString("AgendaNomor") ?? "",
        row.GetDateTimeOffset("GeneratedAt") ?? DateTimeOffset.MinValue,
        Uri.TryCreate(row.GetString("ArchiveUrl"), UriKind.Absolute, out var archived) ? archived : null,
        row.GetDateTimeOffset("ArchivedAt"));

    internal async Task<KegiatanDocument> RecordAsync(string number, string key, StoredFile file, string nomor, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(_tableName, cancellationToken);
        var at = time.GetUtcNow();
        await table.UpsertEntityAsync(
            new TableEntity(TableKeys.Escape(number), key)
            {
                ["BlobName"] = file.BlobName,
                ["FileName"] = file.FileName,
                ["ContentType"] = file.ContentType,
                ["Length"] = file.Length,
                ["AgendaNomor"] = nomor,
                ["GeneratedAt"] = at,
            },
            TableUpdateMode.Replace,
            cancellationToken);
        return new KegiatanDocument(key, file, nomor, at);
    }

    /// <summary>The last visit of a step that finished forward (not sent back, not cancelled).</summary>
    internal static StepRecord? Finished(Kegiatan kegiatan, int step) =>
        kegiatan.Steps.LastOrDefault(r => r.Step == step && r.Outcome is StepOutcome.Approved or StepOutcome.Reported or StepOutcome.Completed or StepOutcome.Executed);

    private DateOnly WibDate(DateTimeOffset instant) => engine.Calendar.LocalDate(instant);

    /// <summary>Kegiatan numbers are ours (FAS-2026-0001), but a blob segment must never carry a separator whatever they hold.</summary>
    internal static string FolderOf(string number) =>
        string.Concat(number.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_')) is { Length: > 0 } safe ? safe : "kegiatan";
}
