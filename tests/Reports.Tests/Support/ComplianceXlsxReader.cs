using PerijinanBot.Reports.Compliance;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Reports.Tests.Support;

/// <summary>What <see cref="ComplianceXlsxReader.ReadSummary"/> reads back from the "Ringkasan" sheet.</summary>
internal sealed record ComplianceSummary(IReadOnlyList<StepFigures> Steps, IReadOnlyList<RoleFigures> Roles, int OpenNow, int LateNow);

/// <summary>Reads back what <see cref="ComplianceXlsx.Build"/> wrote, exactly, to the millisecond for times (Bot.Tests links this file).</summary>
internal static class ComplianceXlsxReader
{
    /// <summary>The "Rincian" rows; empty cells read back as "" (texts) or null (assignee, reason).</summary>
    public static IReadOnlyList<KegiatanStepRow> ReadRows(byte[] xlsx)
    {
        var rows = XlsxReader.ReadSheet(xlsx, ComplianceXlsx.RowsSheet);
        return [.. Table(rows, ComplianceXlsx.RowHeader).Select(r => new KegiatanStepRow(
            r.Text(0),
            r.Text(1),
            r.Text(2),
            r.Integer(3),
            r.Integer(5),
            ParseRole(r.Text(6)),
            r.Optional(7),
            r.Text(8),
            new DateTimeOffset(r.DateTime(9), ComplianceXlsx.Wib),
            new DateTimeOffset(r.DateTime(10), ComplianceXlsx.Wib),
            ParseOutcome(r.Text(11)),
            r.Hours(12),
            r.Hours(13),
            ParseYesNo(r.Text(15)) ?? throw new InvalidDataException("Tepat waktu must be Ya or Tidak."),
            r.Optional(16)))];
    }

    public static ComplianceSummary ReadSummary(byte[] xlsx)
    {
        var rows = XlsxReader.ReadSheet(xlsx, ComplianceXlsx.SummarySheet);
        var steps = Table(rows, ComplianceXlsx.StepHeader).Select(r => new StepFigures(
            r.Integer(0),
            r.Text(1),
            ParseRole(r.Text(2)),
            new StepStandard(r.Text(3), r.Hours(4)),
            r.Integer(5),
            r.Integer(6),
            r.OptionalHours(7),
            r.OptionalHours(9),
            r.Integer(11),
            r.OptionalNumber(12),
            r.Integer(13)));
        var roles = Table(rows, ComplianceXlsx.RoleHeader).Select(r => new RoleFigures(
            ParseRole(r.Text(0)),
            r.Integer(1),
            r.Integer(2),
            r.OptionalHours(3),
            r.OptionalHours(5),
            r.Integer(7),
            r.OptionalNumber(8),
            r.Integer(9)));
        return new ComplianceSummary(
            [.. steps], [.. roles], Labelled(rows, ComplianceXlsx.OpenNowLabel), Labelled(rows, ComplianceXlsx.LateNowLabel));
    }

    public static IReadOnlyList<MonitoringItem> ReadMonitoring(byte[] xlsx)
    {
        var rows = XlsxReader.ReadSheet(xlsx, ComplianceXlsx.MonitoringSheet);
        return [.. Table(rows, ComplianceXlsx.MonitoringHeader).Select(r => new MonitoringItem(r.Integer(0), r.Text(1), ParseYesNo(r.Text(2)), r.Text(3)))];
    }

    private static bool? ParseYesNo(string text) => text switch
    {
        "Ya" => true,
        "Tidak" => false,
        _ => null,
    };

    private static Role ParseRole(string text)
    {
        foreach (var role in RoleNames.Pelaksana)
        {
            if (role.Indonesian() == text)
            {
                return role;
            }
        }

        throw new InvalidDataException($"'{text}' is not a pelaksana.");
    }

    private static StepOutcome ParseOutcome(string text)
    {
        foreach (var (outcome, name) in ComplianceXlsx.Outcomes)
        {
            if (name == text)
            {
                return outcome;
            }
        }

        throw new InvalidDataException($"'{text}' is not a step outcome.");
    }

    /// <summary>The rows under the header row whose cells are <paramref name="header"/>, up to the first empty row.</summary>
    private static IEnumerable<XlsxRowValues> Table(IReadOnlyList<XlsxRowValues> rows, string[] header)
    {
        var start = -1;
        for (var i = 0; i < rows.Count && start < 0; i++)
        {
            if (header.Select((title, c) => rows[i].Text(c) == title).All(match => match))
            {
                start = i + 1;
            }
        }

        if (start < 0)
        {
            throw new InvalidDataException($"The sheet has no table headed '{header[0]}'.");
        }

        return rows.Skip(start).TakeWhile(r => !r.IsEmpty);
    }

    private static int Labelled(IReadOnlyList<XlsxRowValues> rows, string label) =>
        rows.FirstOrDefault(r => r.Text(0) == label)?.Integer(1) ?? throw new InvalidDataException($"The sheet has no row '{label}'.");
}
