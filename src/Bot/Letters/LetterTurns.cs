using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Files;
using PerijinanBot.Bot.Turns;
using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Dialogs.Reports;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Reports.Agenda;
using PerijinanBot.Reports.Disposisi;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;
using PerijinanBot.Bot.Telemetry;

namespace PerijinanBot.Bot.Letters;

/// <summary>
/// <c>agenda</c> (the Buku Agenda Surat Keluar with a link to every letter, its Excel export, recording SRIKANDI numbers),
/// and <c>dokumen</c> (fresh links to a kegiatan's Surat Undangan, Lembar Disposisi and Laporan Kegiatan).
/// </summary>
internal sealed class LetterTurns(
    AgendaRegister register,
    KegiatanDocuments documents,
    UndanganDocuments undangan,
    DocumentLinks views,
    FileStore files,
    KegiatanService kegiatan,
    ILetterArchive archive) : ITurnRoutes
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public void Register(TurnRouter router)
    {
        router.Command(CommandKind.Agenda, AgendaAsync);
        router.Command(CommandKind.Documents, DocumentsAsync);
        router.Verb(AgendaCard.SrikandiVerb, (turn, _, data, ct) => OnExecuteAsync(turn, data, ct), (turn, _, value, ct) => OnSubmitAsync(turn, value, ct));
    }

    public async Task AgendaAsync(TurnContext turn, ParsedCommand command, CancellationToken cancellationToken)
    {
        var sender = turn.Registered;
        if (AgendaPeriod.Parse(command.Argument, Today) is not { } period)
        {
            await turn.SendTextAsync(AgendaTexts.BadPeriod(command.Argument), cancellationToken);
            return;
        }

        await turn.SendCardAsync(await AgendaCardAsync(sender, period, new AgendaCardState(), cancellationToken), cancellationToken);
    }

    /// <summary>The only verb is <see cref="AgendaCard.SrikandiVerb"/>.</summary>
    public Task<JsonObject> OnExecuteAsync(TurnContext turn, JsonElement data, CancellationToken cancellationToken) =>
        SaveSrikandiAsync(turn, data, cancellationToken);

    public async Task OnSubmitAsync(TurnContext turn, JsonElement value, CancellationToken cancellationToken) =>
        await turn.ReplaceClickedCardAsync(await SaveSrikandiAsync(turn, value, cancellationToken), cancellationToken);

    public async Task DocumentsAsync(TurnContext turn, ParsedCommand command, CancellationToken cancellationToken)
    {
        if (KegiatanTurns.Normalise(command.Argument) is not { } number)
        {
            await turn.SendTextAsync(SopTexts.NumberNeeded(command.Kind, command.Argument), cancellationToken);
            return;
        }

        BotTracing.TagKegiatan(number);
        if (await kegiatan.FindAsync(number, cancellationToken) is not { } state || kegiatan.DefinitionOf(state) is not { } definition)
        {
            await turn.SendTextAsync(SopTexts.NotFound(number), cancellationToken);
            return;
        }

        var made = await MadeAsync(state, definition, cancellationToken);
        if (archive.IsOn && made.Any(d => d.ArchiveUrl is null))
        {
            // Not archived yet (Graph was down, or a document was made again): archived now, so the card can link there.
            var archivedNow = false;
            foreach (var letter in made.Where(d => d.ArchiveUrl is null).Select(d => KegiatanDocuments.LetterOf(d.Key)).Distinct())
            {
                archivedNow |= KegiatanDocuments.StepOf(definition, letter) is { } step
                    && await archive.ArchiveNowAsync(number, step.Number, cancellationToken);
            }

            if (archivedNow)
            {
                made = await MadeAsync(state, definition, cancellationToken);
            }
        }

        if (made.Count == 0)
        {
            var disposisi = LembarDisposisiDocument.StepOf(definition);
            var laporan = KegiatanDocuments.StepOf(definition, AgendaDocuments.Laporan);
            await turn.SendTextAsync(DocumentTexts.NoDocumentsYet(number, definition, disposisi, laporan), cancellationToken);
            return;
        }

        await turn.SendCardAsync(DocumentsCard.Build(views.Of(number, made)), cancellationToken);
    }

    /// <summary>
    /// The documents a kegiatan has by now, made if missing: the Laporan Kegiatan once it closed, and the Lembar Disposisi once
    /// the Kepala Dinas approved, with the Surat Undangan (so a kegiatan between step 5 and its closing offers those alone).
    /// </summary>
    private async Task<List<KegiatanDocument>> MadeAsync(Kegiatan state, SopDefinition definition, CancellationToken cancellationToken)
    {
        var made = state.Status == KegiatanStatus.Closed
            ? [.. await documents.EnsureLaporanAsync(state, definition, regenerate: false, cancellationToken)]
            : new List<KegiatanDocument>();
        made.AddRange(await undangan.EnsureAsync(state, definition, regenerate: false, cancellationToken));
        if (await documents.EnsureDisposisiAsync(state, definition, regenerate: false, cancellationToken) is { } disposisi)
        {
            made.Add(disposisi);
        }

        return made;
    }

    private Task<StoredFile> PutAsync(string folder, string fileName, string contentType, byte[] content, CancellationToken cancellationToken) =>
        files.PutAsync($"{folder}/{fileName}", fileName, contentType, BinaryData.FromBytes(content), cancellationToken);

    private DateOnly Today => kegiatan.Today;

    private async Task<JsonObject> SaveSrikandiAsync(TurnContext turn, JsonElement data, CancellationToken cancellationToken)
    {
        var period = AgendaPeriod.Parse(Text(data, AgendaCard.PeriodKey), Today) ?? AgendaPeriod.Parse("", Today)!;
        var entryValue = Text(data, AgendaCard.EntryInput);
        var nomor = Text(data, AgendaCard.NomorInput)?.Trim() ?? "";
        var draft = new AgendaCardState(DraftEntry: entryValue, DraftNomor: nomor);
        var sender = turn.Registered;
        if (ParseEntry(entryValue) is not { } key)
        {
            return await AgendaCardAsync(sender, period, draft with { Error = AgendaTexts.PickLetter }, cancellationToken);
        }

        if (nomor.Length == 0 || nomor.Length > AgendaCard.MaxNomorLength || nomor.Any(char.IsControl))
        {
            return await AgendaCardAsync(sender, period, draft with { Error = AgendaTexts.BadNomor }, cancellationToken);
        }

        if (await register.GetAsync(key.Year, key.Serial, cancellationToken) is not { } entry)
        {
            return await AgendaCardAsync(sender, period, draft with { Error = AgendaTexts.NoSuchLetter }, cancellationToken);
        }

        if (!MayEdit(sender, entry))
        {
            return await AgendaCardAsync(sender, period, draft with { Error = AgendaTexts.MayNotEdit }, cancellationToken);
        }

        var (outcome, saved) = await register.SetSrikandiAsync(key.Year, key.Serial, nomor, cancellationToken);
        if (outcome == SrikandiOutcome.Duplicate)
        {
            return await AgendaCardAsync(sender, period, draft with { Error = AgendaTexts.Duplicate(nomor) }, cancellationToken);
        }

        if (outcome == SrikandiOutcome.NotFound || saved is null)
        {
            return await AgendaCardAsync(sender, period, draft with { Error = AgendaTexts.NoSuchLetter }, cancellationToken);
        }

        if (await kegiatan.FindAsync(saved.KegiatanNumber, cancellationToken) is { } state && kegiatan.DefinitionOf(state) is { } definition)
        {
            await RemakeAsync(state, definition, saved.Document, cancellationToken);
        }

        var updated = saved.Document switch
        {
            AgendaDocuments.Laporan => AgendaTexts.LaporanUpdated,
            AgendaDocuments.Disposisi => AgendaTexts.DisposisiUpdated,
            AgendaDocuments.Undangan => AgendaTexts.UndanganUpdated,
            _ => null,
        };
        return await AgendaCardAsync(sender, period, new AgendaCardState(Notice: AgendaTexts.Saved(saved.NomorSrikandi, saved.Serial, saved.KegiatanNumber, updated)), cancellationToken);
    }

    /// <summary>
    /// The letter's file prints its number, so it is made again to carry SRIKANDI's; the Laporan Kegiatan also quotes the
    /// disposition's number, so a disposition's number remakes a report already made too. The archived copies follow (best
    /// effort: "dokumen" archives again while a link is missing).
    /// </summary>
    private async Task RemakeAsync(Kegiatan state, SopDefinition definition, string letter, CancellationToken cancellationToken)
    {
        var remade = new List<string>();
        if (letter == AgendaDocuments.Disposisi && await documents.EnsureDisposisiAsync(state, definition, regenerate: true, cancellationToken) is not null)
        {
            remade.Add(AgendaDocuments.Disposisi);
        }

        if (letter == AgendaDocuments.Undangan && (await undangan.EnsureAsync(state, definition, regenerate: true, cancellationToken)).Count > 0)
        {
            remade.Add(AgendaDocuments.Undangan);
        }

        var remakeLaporan = letter == AgendaDocuments.Laporan
            || (await documents.ListAsync(state.Number, cancellationToken)).ContainsKey(KegiatanDocuments.LaporanPdf);
        if (remakeLaporan && (await documents.EnsureLaporanAsync(state, definition, regenerate: true, cancellationToken)).Count > 0)
        {
            remade.Add(AgendaDocuments.Laporan);
        }

        if (!archive.IsOn)
        {
            return;
        }

        foreach (var document in remade)
        {
            if (KegiatanDocuments.StepOf(definition, document) is { } step)
            {
                await archive.ArchiveNowAsync(state.Number, step.Number, cancellationToken);
            }
        }
    }

    private async Task<JsonObject> AgendaCardAsync(Person viewer, AgendaPeriod period, AgendaCardState state, CancellationToken cancellationToken)
    {
        var entries = (await register.ListAsync(period.Year, cancellationToken)).Where(e => period.Contains(e.Tanggal)).ToList();
        // Every line's letter, for the card's "Unduh" and the export's Tautan column.
        var made = await documents.OfEntriesAsync(entries, cancellationToken);
        DocumentLink? export = null;
        if (entries.Count > 0)
        {
            // In the export, the archived copy where there is one (its address does not expire), else the bot's signed link.
            var links = made.ToDictionary(m => m.Key, m => m.Value.ArchiveUrl ?? views.Link(m.Value.File));
            var note = made.Values.Any(d => d.ArchiveUrl is null)
                ? AgendaTexts.ExportNote(views.LinksExpireAt)
                : null;
            var xlsx = AgendaXlsx.Build(AgendaTexts.RegisterTitle(period.Label), entries, links, note);
            var stored = await PutAsync(string.Create(CultureInfo.InvariantCulture, $"agenda/{period.Year}"), AgendaTexts.RegisterFileName(period.FileSuffix), XlsxType, xlsx, cancellationToken);
            export = new DocumentLink(AgendaTexts.ExportLink, views.Link(stored));
        }

        var shown = entries.Skip(Math.Max(0, entries.Count - AgendaCard.MaxRows)).ToList();
        var rows = shown
            .Select(entry => new AgendaRow(entry.Year, entry.Serial, entry.Tanggal, entry.Nomor, entry.NomorSrikandi is not null, entry.Perihal, entry.Tujuan,
                entry.PengolahName, entry.KegiatanNumber, made.TryGetValue((entry.Year, entry.Serial), out var document) ? views.Link(document.File) : null))
            .ToList();

        var editable = shown.Where(e => MayEdit(viewer, e))
            .Select(e => new AgendaChoice(
                string.Create(CultureInfo.InvariantCulture, $"{e.Year}-{e.Serial}"),
                AgendaTexts.Choice(e.Serial, e.Nomor, e.KegiatanNumber, e.Document)))
            .ToList();
        return AgendaCard.Build(new AgendaCardView(period.Label, period.Word, rows, entries.Count, export, views.LinksExpireAt, editable,
            state.Notice, state.Error, state.DraftEntry, state.DraftNomor));
    }

    /// <summary>The pengolah records their own letter's number; the Ketua, the Kepala Bidang and Admins any letter's.</summary>
    private static bool MayEdit(Person viewer, AgendaEntry entry) =>
        string.Equals(viewer.AadObjectId, entry.PengolahId, StringComparison.OrdinalIgnoreCase)
        || viewer.Holds(Role.KetuaTimKerja) || viewer.Holds(Role.KepalaBidang) || viewer.Holds(Role.Admin);

    internal static (int Year, int Serial)? ParseEntry(string? value)
    {
        var parts = value?.Split('-') ?? [];
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var serial)
            && year is >= 2000 and <= 2200 && serial > 0
                ? (year, serial)
                : null;
    }

    internal static string? Text(JsonElement data, string key) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record AgendaCardState(string? Notice = null, string? Error = null, string? DraftEntry = null, string? DraftNomor = null);
}
