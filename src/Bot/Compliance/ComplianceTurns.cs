using System.Globalization;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Files;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Turns;
using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Dialogs.Reports;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Reports.Compliance;
using PerijinanBot.Sop;
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
        if (turn.Sender is not { } sender)
        {
            await turn.SendTextAsync(SopTexts.NotRegistered, cancellationToken);
            return;
        }

        if (!(sender.Holds(Role.KetuaTimKerja) || sender.Holds(Role.KepalaBidang) || sender.Holds(Role.KepalaDinas) || sender.Holds(Role.Admin)))
        {
            await turn.SendTextAsync(Texts.ComplianceRoles, cancellationToken);
            return;
        }

        if (!ReportPeriod.TryParse(command.Argument, Today, out var period))
        {
            await turn.SendTextAsync(Texts.BadCompliancePeriod(command.Argument), cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var calendar = kegiatan.Engine.Calendar;
        var definition = kegiatan.Engine.Catalog.Default;
        // A day's margin covers any time zone; the report itself counts by WIB date.
        var since = new DateTimeOffset(period.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        var all = new List<Kegiatan>();
        await foreach (var stored in store.ListForReportAsync(since, cancellationToken))
        {
            all.Add(KegiatanService.Read(stored));
        }

        var figures = ComplianceReport.Compute(all, definition, period, now, calendar);
        var folder = string.Create(CultureInfo.InvariantCulture, $"laporan-sop/{period.From.Year}");
        var suffix = string.Create(CultureInfo.InvariantCulture, $"{period.Kind}-{period.From:yyyy-MM}");
        // One file per period, replaced on every request: links always give the latest figures, and storage does not grow.
        var chart = await PutAsync(folder, $"Grafik-Kepatuhan-SOP-{suffix}.png", "image/png", ComplianceChart.Png(figures), cancellationToken);
        var xlsx = await PutAsync(folder, $"Kepatuhan-SOP-{suffix}.xlsx", XlsxType, ComplianceXlsx.Build(figures), cancellationToken);
        await turn.SendCardAsync(ComplianceCard.Build(ComplianceView(figures, links.For(chart), new DocumentLink("Unduh laporan kepatuhan (Excel)", links.For(xlsx)))), cancellationToken);
    }

    private Task<StoredFile> PutAsync(string folder, string fileName, string contentType, byte[] content, CancellationToken cancellationToken) =>
        files.PutAsync($"{folder}/{fileName}", fileName, contentType, BinaryData.FromBytes(content), cancellationToken);

    private ComplianceCardView ComplianceView(ComplianceFigures figures, Uri chart, DocumentLink export) => new(
        figures.Period.Label,
        figures.ComputedAt,
        figures.OpenNow,
        figures.LateNow,
        [.. figures.Steps.Select(s => new ComplianceStepLine(s.Step, s.Title, s.Role.Indonesian(), s.Standard.Text, s.KegiatanCount, s.Visits,
            Duration(s.MedianActual), Duration(s.P90Actual), Share(s.OnTimeCount, s.Visits, s.OnTimeShare), s.Rework))],
        [.. figures.Roles.Select(r => new ComplianceRoleLine(r.Role.Indonesian(), r.KegiatanCount, r.Visits,
            Duration(r.MedianActual), Duration(r.P90Actual), Share(r.OnTimeCount, r.Visits, r.OnTimeShare), r.Rework))],
        [.. figures.Monitoring.Select(m => new MonitoringLine(m.Step, m.Title, m.DilaksanakanDenganBaik, m.Evidence))],
        chart,
        export,
        time.GetUtcNow() + filesOptions.Value.LinkLifetime);

    private static string Duration(TimeSpan? value) => value is { } v ? WibFormat.Duration(v) : "–";

    private static string Share(int onTime, int visits, double? share) => share is { } s
        ? string.Create(CultureInfo.InvariantCulture, $"{onTime} dari {visits} ({Math.Round(s * 100, MidpointRounding.AwayFromZero):0}%)")
        : "–";

    private DateOnly Today => kegiatan.Engine.Calendar.LocalDate(time.GetUtcNow());

    private static class Texts
    {
        public const string ComplianceRoles = "Laporan kepatuhan SOP dapat dilihat oleh Ketua Tim Kerja, Kepala Bidang, Kepala Dinas, dan Admin.";

        public static string BadCompliancePeriod(string given) =>
            $"“{given}” bukan periode yang dikenal. Ketik **laporan** (bulan ini), **laporan triwulan**, **laporan semester** atau **laporan tahun**.";
    }
}
