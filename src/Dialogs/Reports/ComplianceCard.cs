using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop;

namespace PerijinanBot.Dialogs.Reports;

/// <summary>One step's line of the compliance card, already in words.</summary>
public sealed record ComplianceStepLine(int Step, string Title, string Role, string Standard, int KegiatanCount, int Visits, string Median, string P90, string OnTime, int Rework);

/// <summary>One role's line: the same figures over all its steps.</summary>
public sealed record ComplianceRoleLine(string Role, int KegiatanCount, int Visits, string Median, string P90, string OnTime, int Rework);

/// <summary>One line of the SOP monitoring form: the verdict (null: the step was not carried out in the period) and the evidence.</summary>
public sealed record MonitoringLine(int Step, string Title, bool? Good, string Evidence);

/// <param name="Chart">
/// The chart image (per step, the median as a share of that step's own standard, and the share on time), served by the bot like
/// the documents.
/// </param>
/// <param name="Export">The XLSX: summary, one row per kegiatan-step, and the monitoring form.</param>
public sealed record ComplianceCardView(
    string PeriodLabel,
    DateTimeOffset ComputedAt,
    int OpenNow,
    int LateNow,
    IReadOnlyList<ComplianceStepLine> Steps,
    IReadOnlyList<ComplianceRoleLine> Roles,
    IReadOnlyList<MonitoringLine> Monitoring,
    Uri? Chart,
    DocumentLink? Export,
    DateTimeOffset LinksExpireAt);

/// <summary>The <c>laporan</c> card: how well the SOP's time standards were kept in a period, and the monitoring form prefilled.</summary>
public static class ComplianceCard
{
    public static JsonObject Build(ComplianceCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var visits = view.Steps.Sum(s => s.Visits);
        var body = new List<JsonNode>
        {
            CardElements.Text($"Laporan kepatuhan SOP — {view.PeriodLabel}", TextStyle.Title),
            CardElements.Text($"Dihitung {WibFormat.DateTime(view.ComputedAt)}. Waktu dihitung dalam jam kerja dan dibandingkan dengan mutu baku tiap langkah.", TextStyle.Subtle),
            CardElements.Facts(
            [
                ("Kegiatan berjalan saat ini", WibFormat.Number(view.OpenNow)),
                ("Terlambat saat ini", WibFormat.Number(view.LateNow)),
                ("Langkah selesai dalam periode", WibFormat.Number(visits)),
            ]),
        };
        if (view.Chart is { } chart)
        {
            body.Add(new JsonObject
            {
                ["type"] = "Image",
                ["url"] = chart.AbsoluteUri,
                ["altText"] = $"Grafik {view.PeriodLabel}: median waktu tiap langkah dalam persen mutu baku langkah itu, dan bagian yang tepat waktu",
                ["size"] = "Stretch",
            });
        }

        body.Add(CardElements.Text("Per langkah", TextStyle.Heading));
        body.AddRange(view.Steps.Select(StepLine));
        body.Add(CardElements.Text("Per peran", TextStyle.Heading));
        body.AddRange(view.Roles.Select(RoleLine));
        body.Add(Monitoring(view.Monitoring));
        if (view.Export is { } export)
        {
            body.Add(CardInputs.ActionSet([DocumentsCard.OpenUrl(export.Title, export.Url)]));
            body.Add(CardElements.Text($"Tautan berlaku sampai {WibFormat.DateTime(view.LinksExpireAt)}. Berkas Excel memuat ringkasan, rincian per kegiatan dan langkah, dan formulir monitoring SOP.", TextStyle.Subtle));
        }

        // The same report for another period in one click: the semester evaluation is "Semester ini", then the Excel file.
        body.Add(CardElements.Text("Periode lain", TextStyle.Heading));
        body.AddRange(CardElements.ButtonRows(
            [
                CardInputs.CommandButton("Bulan ini", "laporan bulan"),
                CardInputs.CommandButton("Triwulan ini", "laporan triwulan"),
                CardInputs.CommandButton("Semester ini", "laporan semester"),
                CardInputs.CommandButton("Tahun ini", "laporan tahun"),
            ]));
        return CardElements.Card(body);
    }

    private static JsonObject StepLine(ComplianceStepLine line) => CardInputs.Container(
        [
            CardInputs.Caption($"Langkah {line.Step} · {line.Title} ({line.Role})"),
            CardElements.Text(line.Visits == 0
                ? $"Tidak ada langkah selesai dalam periode ini. Mutu baku {line.Standard}."
                : $"{line.Visits} kali selesai ({line.KegiatanCount} kegiatan) · separuh selesai dalam {line.Median}, 9 dari 10 dalam {line.P90} · mutu baku {line.Standard} · tepat waktu {line.OnTime} · dikembalikan (Tidak) {line.Rework} kali"),
        ],
        separator: true);

    private static JsonObject RoleLine(ComplianceRoleLine line) => CardInputs.Container(
        [
            CardInputs.Caption(line.Role),
            CardElements.Text(line.Visits == 0
                ? "Tidak ada langkah selesai dalam periode ini."
                : $"{line.Visits} kali selesai ({line.KegiatanCount} kegiatan) · separuh selesai dalam {line.Median}, 9 dari 10 dalam {line.P90} · tepat waktu {line.OnTime} · dikembalikan (Tidak) {line.Rework} kali"),
        ],
        separator: true);

    private static JsonObject Monitoring(IReadOnlyList<MonitoringLine> lines)
    {
        var items = new List<JsonNode>
        {
            CardElements.Text("Formulir monitoring SOP (terisi otomatis)", TextStyle.Heading),
            CardElements.Text("“Dilaksanakan dengan baik” bila sedikitnya 80% pelaksanaan langkah selesai dalam mutu baku.", TextStyle.Subtle),
        };
        foreach (var line in lines)
        {
            var (verdict, color) = line.Good switch
            {
                true => ("Dilaksanakan dengan baik", "Good"),
                false => ("Belum dilaksanakan dengan baik", "Attention"),
                null => ("Tidak ada pelaksanaan dalam periode ini", "Default"),
            };
            items.Add(CardInputs.Caption($"Langkah {line.Step} · {line.Title}"));
            items.Add(CardInputs.Colored(verdict, color, bold: true));
            items.Add(CardElements.Text(line.Evidence, TextStyle.Subtle));
        }

        return CardInputs.Container(items, "emphasis", separator: true, spacing: "Large");
    }
}
