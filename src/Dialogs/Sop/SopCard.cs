using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Definitions;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>
/// <c>sop</c>: the SOP as the office wrote it: the whole header (blank cells as "—"), the kinds of facilitation, and the step
/// table (no., pelaksana, kegiatan, kelengkapan, waktu, output, keterangan) in compact rows. The SOP definition is the view:
/// the Ya/Tidak routes of a decision step come from its transitions, and a pelaksana the SOP text does not name is marked as
/// the office's choice.
/// </summary>
public static class SopCard
{
    public static JsonObject Build(SopDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var header = definition.Header;
        var body = new List<JsonNode>();
        body.AddRange(header.Instansi.Select(line => (JsonNode)new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = line,
            ["wrap"] = true,
            ["weight"] = "Bolder",
            ["horizontalAlignment"] = "Center",
            ["spacing"] = "None",
        }));
        body.Add(CardElements.Text("Standar Operasional Prosedur (SOP)", TextStyle.Title));
        body.Add(CardElements.Facts(
        [
            ("Nomor SOP", header.NomorSop),
            ("Tanggal pembuatan", Date(header.TanggalPembuatan)),
            ("Tanggal revisi", Date(header.TanggalRevisi)),
            ("Tanggal efektif", Date(header.TanggalEfektif)),
            ("Disahkan oleh", string.IsNullOrWhiteSpace(header.DisahkanOleh) ? SopPhrases.Dash : header.DisahkanOleh),
        ]));
        body.Add(Section("Nama SOP", header.Nama));
        body.Add(Section("Dasar hukum", Numbered(header.DasarHukum)));
        body.Add(Section("Kualifikasi pelaksana", Numbered(header.KualifikasiPelaksana)));
        body.Add(Section("Keterkaitan", Numbered(header.Keterkaitan)));
        body.Add(Section("Peralatan/perlengkapan", Numbered(header.Peralatan)));
        body.Add(Section("Peringatan", string.IsNullOrWhiteSpace(header.Peringatan) ? SopPhrases.Dash : header.Peringatan));
        body.Add(Section("Pencatatan dan pendataan", Numbered(header.Pencatatan)));
        if (definition.JenisFasilitasi.Count > 0)
        {
            body.Add(Section("Jenis fasilitasi", string.Join("\n", definition.JenisFasilitasi.Select(j => $"{j.Kode} {SopPhrases.Dash} {j.Nama}"))));
        }

        body.Add(CardElements.Text("Uraian prosedur", TextStyle.Heading));
        body.AddRange(definition.Steps.Select(step => (JsonNode)Row(definition, step)));
        body.Add(CardElements.Text("Waktu dihitung dalam jam kerja WIB (Senin–Jumat, di luar hari libur nasional dan cuti bersama).", TextStyle.Subtle));
        if (definition.Steps.Any(s => s.IsDecision))
        {
            body.Add(CardElements.Text("Tidak selalu disertai alasan tertulis, yang ditampilkan kepada pelaksana yang memperbaiki; data yang sudah diisi tetap tersimpan.", TextStyle.Subtle));
        }

        return CardElements.Card(body);
    }

    private static JsonObject Row(SopDefinition definition, StepDefinition step)
    {
        var quality = $"Kelengkapan: {step.Kelengkapan} · Waktu: {WibFormat.Waktu(step.Waktu)} · Output: {step.Output}";
        if (!string.IsNullOrWhiteSpace(step.Keterangan))
        {
            quality += $" · Ket.: {step.Keterangan}";
        }

        var number = new JsonObject { ["type"] = "TextBlock", ["text"] = $"{step.Number}", ["size"] = "Large", ["weight"] = "Bolder" };
        var role = SopPhrases.RoleFull(definition, step);
        var text = new JsonArray(
            new JsonObject { ["type"] = "TextBlock", ["text"] = step.RoleChosenByOffice ? $"{role} (ditetapkan kantor)" : role, ["wrap"] = true, ["weight"] = "Bolder" },
            new JsonObject { ["type"] = "TextBlock", ["text"] = step.Activity, ["wrap"] = true, ["spacing"] = "None" });
        if (step.IsDecision)
        {
            text.Add(Small($"Ya → {Forward(definition, step)}"));
            if (step.SendBackTo is int back)
            {
                text.Add(Small($"Tidak → kembali ke langkah {back} ({SopPhrases.Role(definition, definition.Step(back))}) untuk diperbaiki"));
            }
        }

        if (step.RoleChosenByOffice)
        {
            text.Add(Small($"Teks SOP tidak menyebut pelaksana langkah ini; ditetapkan kantor: {Holder(definition, step)}."));
        }

        text.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = quality, ["wrap"] = true, ["isSubtle"] = true, ["size"] = "Small", ["spacing"] = "None" });
        return new JsonObject
        {
            ["type"] = "ColumnSet",
            ["separator"] = true,
            ["spacing"] = "Small",
            ["columns"] = new JsonArray(
                new JsonObject { ["type"] = "Column", ["width"] = "auto", ["items"] = new JsonArray(number) },
                new JsonObject { ["type"] = "Column", ["width"] = "stretch", ["items"] = text }),
        };
    }

    private static JsonObject Small(string text) =>
        new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["size"] = "Small", ["spacing"] = "None" };

    /// <summary>Where Ya leads: "lanjut ke langkah 4 (Kepala Bidang)"; a disposition also names whom it goes to.</summary>
    private static string Forward(SopDefinition definition, StepDefinition step)
    {
        if (step.Next is not int next)
        {
            return "kegiatan selesai";
        }

        var onward = $"lanjut ke langkah {next} ({SopPhrases.Role(definition, definition.Step(next))})";
        return SopCardViews.IsDisposition(definition, step) && step.SendBackTo is int fed
            ? $"disposisi kepada {SopPhrases.Role(definition, definition.Step(fed))} untuk ditindaklanjuti; {onward}"
            : onward;
    }

    /// <summary>
    /// Who holds the step, from its assignment rule, and which other steps the same person holds: "Ketua Tim Kerja yang memulai
    /// kegiatan (pelaksana langkah 1 dan 3)".
    /// </summary>
    private static string Holder(SopDefinition definition, StepDefinition step)
    {
        var role = SopPhrases.Role(definition, step);
        var who = step.Assignment.Rule switch
        {
            AssignmentRule.Starter => $"{role} yang memulai kegiatan",
            AssignmentRule.AssignedAtStart when step.Assignment.Field is { } field && definition.FindField(field) is { } found =>
                $"{role} yang ditunjuk pada langkah {found.Step.Number}",
            _ => $"{role} yang menjabat",
        };
        var same = definition.Steps
            .Where(s => s.Number != step.Number && s.Role == step.Role && s.Assignment == step.Assignment && s.Assignment.Rule != AssignmentRule.RoleHolder)
            .Select(s => s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        return same.Count == 0 ? who : $"{who} (pelaksana langkah {Joined(same)})";
    }

    private static string Joined(List<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} dan {items[^1]}";

    private static JsonObject Section(string title, string text) =>
        CardInputs.Container([CardInputs.Caption(title), new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["spacing"] = "None" }], spacing: "Small");

    private static string Numbered(IReadOnlyList<string> items) =>
        items.Count == 0 ? SopPhrases.Dash : string.Join("\n", items.Select((item, i) => $"{i + 1}. {item}"));

    private static string Date(DateOnly? date) => date is { } d ? SopPhrases.PlainDate(d) : SopPhrases.Dash;
}
