using System.Globalization;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Files;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Turns;
using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Dialogs.Reports;
using PerijinanBot.Reports.Compliance;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Compliance;

/// <summary><c>laporan</c>: how well the SOP's time standards were kept in a period, as a card with a chart and an Excel export.</summary>
internal sealed class ComplianceTurns(
    KegiatanService kegiatan,
    KegiatanStore store,
    FileStore files,
    DownloadLinks links,
    IOptions<FilesOptions> filesOptions,
    TimeProvider time) : ITurnRoutes
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public void Register(TurnRouter router) => router.Command(CommandKind.Compliance, ComplianceAsync);

    /// <summary>The compliance report of a period, for those who answer for the SOP: Ketua, Kepala Bidang, Kepala Dinas, Admin.</summary>
    public async Task ComplianceAsync(TurnContext turn, ParsedCommand command, CancellationToken cancellationToken)
    {
        var sender = turn.Registered;
        if (!(sender.Holds(Role.KetuaTimKerja) || sender.Holds(Role.KepalaBidang) || sender.Holds(Role.KepalaDinas) || sender.Holds(Role.Admin)))
        {
            await turn.SendTextAsync(ComplianceTexts.ViewersOnly, cancellationToken);
            return;
        }

        if (!CompliancePeriod.TryParse(command.Argument, Today, out var period))
        {
            await turn.SendTextAsync(ComplianceTexts.BadPeriod(command.Argument), cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var calendar = kegiatan.Calendar;
        var definition = kegiatan.CurrentDefinition;
        // A day's margin covers any time zone; the report itself counts by WIB date.
        var since = new DateTimeOffset(period.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        var all = new List<Kegiatan>();
        await foreach (var stored in store.ListForComplianceAsync(since, cancellationToken))
        {
            all.Add(KegiatanService.Read(stored));
        }

        var figures = ComplianceReport.Compute(all, definition, period, now, calendar);
        var folder = string.Create(CultureInfo.InvariantCulture, $"laporan-sop/{period.From.Year}");
        var suffix = string.Create(CultureInfo.InvariantCulture, $"{period.Kind}-{period.From:yyyy-MM}");
        // One file per period, replaced on every request: links always give the latest figures, and storage does not grow.
        var chart = await PutAsync(folder, ComplianceTexts.ChartFileName(suffix), "image/png", ComplianceChart.Png(figures), cancellationToken);
        var xlsx = await PutAsync(folder, ComplianceTexts.ExportFileName(suffix), XlsxType, ComplianceXlsx.Build(figures), cancellationToken);
        await turn.SendCardAsync(ComplianceCard.Build(ComplianceView(figures, links.For(chart), new DocumentLink(ComplianceTexts.ExportLink, links.For(xlsx)))), cancellationToken);
    }

    private Task<StoredFile> PutAsync(string folder, string fileName, string contentType, byte[] content, CancellationToken cancellationToken) =>
        files.PutAsync($"{folder}/{fileName}", fileName, contentType, BinaryData.FromBytes(content), cancellationToken);

    private ComplianceCardView ComplianceView(ComplianceFigures figures, Uri chart, DocumentLink export) => new(
        figures.Period.Label,
        figures.ComputedAt,
        figures.OpenNow,
        figures.LateNow,
        [.. figures.Steps.Select(s => ComplianceViews.StepLine(s.Step, s.Title, s.Role, s.Standard.Text, s.KegiatanCount, s.Visits,
            s.MedianActual, s.P90Actual, s.OnTimeCount, s.OnTimeShare, s.Rework))],
        [.. figures.Roles.Select(r => ComplianceViews.RoleLine(r.Role, r.KegiatanCount, r.Visits, r.MedianActual, r.P90Actual, r.OnTimeCount, r.OnTimeShare, r.Rework))],
        [.. figures.Monitoring.Select(m => new MonitoringLine(m.Step, m.Title, m.DilaksanakanDenganBaik, m.Evidence))],
        chart,
        export,
        time.GetUtcNow() + filesOptions.Value.LinkLifetime);

    private DateOnly Today => kegiatan.Today;
}
