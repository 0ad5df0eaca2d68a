using System.Globalization;
using Azure;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Files;
using PerijinanBot.Bot.Graph;
using PerijinanBot.Bot.Letters;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Dialogs.Reports;
using PerijinanBot.Reports.Agenda;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using MsalException = Microsoft.Identity.Client.MsalException;
using MsalServiceException = Microsoft.Identity.Client.MsalServiceException;

namespace PerijinanBot.Bot.Archive;

/// <summary>
/// An outgoing letter was issued: its files go to the SharePoint archive, in the kegiatan's folder <c>{tahun}/{jenis}/{nomor}</c>,
/// each file's web URL noted beside it for the cards: the Lembar Disposisi PDF for the disposition (step 5), the Laporan
/// Kegiatan PDF and Word for the report (step 7). Then, for every letter, the Buku Agenda of the letter's year, exported again
/// so the archived register has the new line, linking each line to its archived document.
/// </summary>
/// <remarks>
/// Every upload replaces the file at a fixed path, so repeating the item (a retry, an unknown outcome) leaves the same
/// archive. Registered always, since every outbox kind has a handler; with the archive off it delivers nothing and never
/// asks for the Graph client. Graph being down never holds anything up: the item waits in the outbox, and the closing card
/// goes without the archive links.
/// </remarks>
internal sealed partial class ArchiveHandler(
    GraphFeatures features,
    KegiatanService kegiatan,
    KegiatanDocuments documents,
    UndanganDocuments undangan,
    AgendaRegister agenda,
    FileStore files,
    SharePointArchive archive,
    GraphAttempts attempts,
    ILogger<ArchiveHandler> logger) : IOutboxHandler
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The start form's field naming the kind of facilitation (IUSP, IKC, IKCP, IKK): the archive's second folder level.</summary>
    private const string JenisField = "jenisFasilitasi";

    /// <summary>What the outbox ledger keeps of a result.</summary>
    private const int MaxDetail = 1000;

    /// <summary>An outgoing letter's files (the Laporan Kegiatan, the year's Buku Agenda) go to the SharePoint archive.</summary>
    public const string Kind = "graph.archive";

    public IReadOnlyCollection<string> Kinds { get; } = [Kind];

    public bool IsOn => features.Archive.IsOn;

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!features.Archive.IsOn)
        {
            return OutboxOutcome.Delivered("archive off");
        }

        var payload = OutboxPayloads.Read(item);
        return payload.Step is { } step
            ? await ArchiveAsync(payload.Number, step, cancellationToken)
            : OutboxOutcome.Failed($"no step in the archive item of {payload.Number}");
    }

    /// <summary>
    /// Archives the letter of <paramref name="step"/> as the kegiatan is now. Also called outside the outbox when a letter's file
    /// is made again (a SRIKANDI number was recorded) or its archive link is missing: the same upload, to the same paths.
    /// </summary>
    public async Task<OutboxOutcome> ArchiveAsync(string number, int step, CancellationToken cancellationToken)
    {
        if (!features.Archive.IsOn)
        {
            return OutboxOutcome.Delivered("archive off");
        }

        if (await kegiatan.FindAsync(number, cancellationToken) is not { } state
            || kegiatan.DefinitionOf(state) is not { } definition)
        {
            return OutboxOutcome.Failed($"no kegiatan {number}");
        }

        var path = "";
        try
        {
            // Entered by agenda.letter just before; asking again (it never takes a second serial) makes this item stand alone.
            if (await documents.RecordLetterAsync(state, definition, step, cancellationToken) is not { } letter)
            {
                return OutboxOutcome.Delivered("the step has no finished letter");
            }

            var archived = new List<string>();
            var folder = ArchivePath.KegiatanFolder(archive.Root, YearOf(state), state.Value(JenisField), state.Number);
            foreach (var (document, content) in await ReadLetterAsync(state, definition, letter.Document, cancellationToken))
            {
                path = ArchivePath.Combine(folder, document.File.FileName);
                var url = await archive.UploadAsync(path, document.File.ContentType, content, cancellationToken);
                if (url is not null && !await documents.RecordArchiveAsync(state.Number, document.Key, document.GeneratedAt, url, cancellationToken))
                {
                    // Made again while we uploaded: the archive holds the older file. The next attempt uploads the new one.
                    return OutboxOutcome.RetryLater($"{document.File.FileName} was made again during its upload; archiving the new version");
                }

                archived.Add(url?.AbsoluteUri ?? path);
            }

            path = ArchivePath.AgendaFile(archive.Root, letter.Year);
            var register = await agenda.ListAsync(letter.Year, cancellationToken);
            var title = AgendaTexts.RegisterTitle(AgendaTexts.YearLabel(letter.Year));
            // Only archived copies are linked: the archive keeps the register for years, long after a signed download link expired.
            var links = (await documents.OfEntriesAsync(register, cancellationToken))
                .Where(m => m.Value.ArchiveUrl is not null)
                .ToDictionary(m => m.Key, m => m.Value.ArchiveUrl!);
            var agendaUrl = await archive.UploadAsync(path, XlsxType, AgendaXlsx.Build(title, register, links), cancellationToken);
            archived.Add(agendaUrl?.AbsoluteUri ?? path);
            Archived(logger, state.Number, step, archived.Count);
            attempts.Succeeded(features.Archive);
            return OutboxOutcome.Delivered(Truncate(string.Join(" ", archived)));
        }
        catch (ApiException e) when (IsTransient(e.ResponseStatusCode))
        {
            attempts.Failed(features.Archive);
            Unavailable(logger, state.Number, path, e.ResponseStatusCode.ToString(CultureInfo.InvariantCulture));
            return OutboxOutcome.RetryLater($"Graph answered {e.ResponseStatusCode} for '{path}': {Describe(e)}");
        }
        catch (ApiException e)
        {
            attempts.Failed(features.Archive);
            var reason = Refusal(e, path);
            Refused(logger, state.Number, archive.DriveId, path, e.ResponseStatusCode, reason);
            return OutboxOutcome.Failed(reason);
        }
        catch (HttpRequestException e)
        {
            attempts.Failed(features.Archive);
            Unavailable(logger, state.Number, path, e.Message);
            return OutboxOutcome.RetryLater($"Graph unreachable: {e.Message}");
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            attempts.Failed(features.Archive);
            // HttpClient's own timeout, or the upload session giving up after its retries: nothing half-done stays behind.
            Unavailable(logger, state.Number, path, e.Message);
            return OutboxOutcome.RetryLater($"Graph did not finish the upload of '{path}': {e.Message}");
        }
        catch (MsalServiceException e) when (e.StatusCode is 400 or 401)
        {
            attempts.Failed(features.Archive);
            var reason = $"Entra refused the app's Graph credentials ({e.ErrorCode}): check Graph:TenantId, Graph:ClientId and Graph:ClientSecret.";
            Refused(logger, state.Number, archive.DriveId, path, e.StatusCode, reason);
            return OutboxOutcome.Failed(reason);
        }
        catch (MsalException e)
        {
            attempts.Failed(features.Archive);
            Unavailable(logger, state.Number, path, e.ErrorCode);
            return OutboxOutcome.RetryLater($"no Graph token: {e.ErrorCode}");
        }
        catch (RequestFailedException e)
        {
            return OutboxOutcome.RetryLater($"storage: {e.Message}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InvalidDataException)
        {
            // The letter's file cannot be made (or read back): retrying changes nothing until someone looks.
            var reason = $"the files of {state.Number} could not be prepared for the archive: {e.Message}";
            Refused(logger, state.Number, archive.DriveId, path, 0, reason);
            return OutboxOutcome.Failed(reason);
        }
    }

    /// <summary>
    /// The files of the letter and their bytes: the Lembar Disposisi, or the Laporan Kegiatan's PDF and Word file; none for a
    /// letter without a file. A file missing from storage is made again once, rather than failing.
    /// </summary>
    private async Task<IReadOnlyList<(KegiatanDocument Document, byte[] Content)>> ReadLetterAsync(Kegiatan state, SopDefinition definition, string letter, CancellationToken cancellationToken)
    {
        switch (letter)
        {
            case AgendaDocuments.Laporan:
                return await ReadAllAsync(await documents.EnsureLaporanAsync(state, definition, regenerate: false, cancellationToken), "Laporan Kegiatan", cancellationToken)
                    ?? await ReadAllAsync(await documents.EnsureLaporanAsync(state, definition, regenerate: true, cancellationToken), "Laporan Kegiatan", cancellationToken)
                    ?? throw new InvalidDataException("the Laporan Kegiatan files are missing from storage even after making them again");
            case AgendaDocuments.Undangan:
                // The invitation, and beside it the internal Lembar Disposisi of the same Setuju: no register line of its
                // own any more, so it is archived with the letter it came with.
                var undanganFiles = await ReadAllAsync(await undangan.EnsureAsync(state, definition, regenerate: false, cancellationToken), "Surat Undangan", cancellationToken)
                    ?? await ReadAllAsync(await undangan.EnsureAsync(state, definition, regenerate: true, cancellationToken), "Surat Undangan", cancellationToken)
                    ?? throw new InvalidDataException("the Surat Undangan files are missing from storage even after making them again");
                var lembar = await ReadAllAsync(Listed(await documents.EnsureDisposisiAsync(state, definition, regenerate: false, cancellationToken)), "Lembar Disposisi", cancellationToken)
                    ?? await ReadAllAsync(Listed(await documents.EnsureDisposisiAsync(state, definition, regenerate: true, cancellationToken)), "Lembar Disposisi", cancellationToken)
                    ?? [];
                return [.. undanganFiles, .. lembar];
            case AgendaDocuments.Disposisi:
                return await ReadAllAsync(Listed(await documents.EnsureDisposisiAsync(state, definition, regenerate: false, cancellationToken)), "Lembar Disposisi", cancellationToken)
                    ?? await ReadAllAsync(Listed(await documents.EnsureDisposisiAsync(state, definition, regenerate: true, cancellationToken)), "Lembar Disposisi", cancellationToken)
                    ?? throw new InvalidDataException("the Lembar Disposisi is missing from storage even after making it again");
            default:
                return [];
        }

        static IReadOnlyList<KegiatanDocument> Listed(KegiatanDocument? document) => document is null ? [] : [document];
    }

    private async Task<List<(KegiatanDocument, byte[])>?> ReadAllAsync(IReadOnlyList<KegiatanDocument> made, string what, CancellationToken cancellationToken)
    {
        if (made.Count == 0)
        {
            throw new InvalidDataException($"the letter's step has no {what} to archive");
        }

        var read = new List<(KegiatanDocument, byte[])>(made.Count);
        foreach (var document in made)
        {
            await using var download = await files.OpenAsync(document.File.BlobName, cancellationToken);
            if (download is null)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            await download.Content.CopyToAsync(buffer, cancellationToken);
            read.Add((document, buffer.ToArray()));
        }

        return read;
    }

    /// <summary>The kegiatan's year: the one its number carries, else the WIB year it started in.</summary>
    private int YearOf(Kegiatan state) => ArchivePath.YearOf(state.Number) ?? kegiatan.Calendar.LocalDate(state.StartedAt).Year;

    /// <summary>Worth another try: throttled or busy after the SDK's own retries, Graph's side failing, a file locked or being edited, a token refused in passing.</summary>
    private static bool IsTransient(int status) => status is 401 or 408 or 409 or 423 or 429 or >= 500;

    private string Refusal(ApiException e, string path)
    {
        var hint = e.ResponseStatusCode switch
        {
            404 => $"Check Graph:Archive:DriveId: drive '{archive.DriveId}' was not found, or the app cannot see it.",
            403 => $"Grant the app write access to drive '{archive.DriveId}' (Files.ReadWrite.All or Sites.Selected with write on its site).",
            413 => "The file is larger than the library accepts.",
            _ => "Check Graph:Archive:Folder and the library's settings.",
        };
        return $"SharePoint refused '{path}' ({e.ResponseStatusCode} {Describe(e)}). {hint}";
    }

    private static string Describe(ApiException e) => e is ODataError { Error: { } error }
        ? $"{error.Code}: {error.Message}"
        : e.Message;

    private static string Truncate(string text) => text.Length > MaxDetail ? text[..MaxDetail] : text;

    [LoggerMessage(EventId = 1440, Level = LogLevel.Information, Message = "Archived {Count} files of {Number} (step {Step}) to SharePoint")]
    private static partial void Archived(ILogger logger, string number, int step, int count);

    [LoggerMessage(EventId = 1441, Level = LogLevel.Warning, Message = "Graph unavailable while archiving {Path} of {Number}; the outbox retries later: {Reason}")]
    private static partial void Unavailable(ILogger logger, string number, string path, string reason);

    [LoggerMessage(EventId = 1442, Level = LogLevel.Error, Message = "Archiving {Path} of {Number} to drive {DriveId} refused ({Status}): {Reason}. Kept as Failed for an operator.")]
    private static partial void Refused(ILogger logger, string number, string driveId, string path, int status, string reason);
}
