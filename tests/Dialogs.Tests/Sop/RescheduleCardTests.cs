using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;
using static PerijinanBot.Dialogs.Tests.Sop.RescheduleScenes;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>
/// <c>jadwal</c>: the card shows the jadwal and tempat now with inputs pre-filled for the new ones and a required reason; the
/// answer, the participants' notice and the riwayat show what moved, by whom and why.
/// </summary>
public sealed class RescheduleCardTests
{
    public static TheoryData<string> Scenes { get; } = [.. All.Keys];

    [Theory]
    [MemberData(nameof(Scenes))]
    [NeedsNode]
    public void Each_card_matches_its_reviewed_golden_file_and_renders_without_warnings(string scene)
    {
        var card = All[scene](Typing.Normal);

        Cards.CardAssert.MatchesGolden(card, scene);
        Cards.CardAssert.IsValidAdaptiveCard(card);
    }

    [Theory]
    [MemberData(nameof(Scenes))]
    [NeedsNode]
    public void Typed_text_full_of_markdown_links_and_mentions_appears_only_in_TextRuns_and_inputs(string scene)
    {
        var card = All[scene](Typing.Injected);

        foreach (var node in CardJson.All(card))
        {
            var type = (string?)node["type"];
            var visible = type switch
            {
                "TextBlock" => (string?)node["text"],
                "FactSet" => node["facts"]!.ToJsonString(),
                _ when type?.StartsWith("Action.", StringComparison.Ordinal) == true => (string?)node["title"],
                "Input.Text" => (string?)node["label"] + (string?)node["placeholder"],
                _ => null,
            };
            Assert.DoesNotContain(Typing.Marker, visible ?? "", StringComparison.Ordinal);
        }

        Assert.Contains(CardJson.OfType(card, "TextRun"), r => ((string)r["text"]!).Contains(Typing.Injection, StringComparison.Ordinal));
        Cards.CardAssert.IsValidAdaptiveCard(card);
    }

    [Theory]
    [MemberData(nameof(Scenes))]
    public void Every_card_stays_under_28_KB_with_every_field_at_its_maximum_length(string scene)
    {
        var card = All[scene](Typing.Max);

        Assert.True(card.ToJsonString().Length < 28 * 1024, $"{scene} is {card.ToJsonString().Length} characters");
    }

    [Fact]
    public void The_card_shows_the_jadwal_now_and_offers_it_prefilled_with_a_required_reason_and_one_button()
    {
        var (office, kegiatan) = AtStep6(Typing.Normal);

        var card = RescheduleCard.Build(office.Views.Reschedule(kegiatan, SopOffice.Definition));

        var text = CardJson.Text(card);
        Assert.Contains("Ubah jadwal pelaksanaan FAS-2026-0001", text, StringComparison.Ordinal);
        Assert.Contains("Jadwal pelaksanaan: Rabu, 15 Juli 2026 09.00 WIB", text, StringComparison.Ordinal);
        var date = CardJson.Input(card, "jadwalBaru.date");
        var time = CardJson.Input(card, "jadwalBaru.time");
        Assert.Equal(("Input.Date", "2026-07-15", true), ((string?)date["type"], (string?)date["value"], (bool?)date["isRequired"]));
        Assert.Equal(("Input.Time", "09:00", true), ((string?)time["type"], (string?)time["value"], (bool?)time["isRequired"]));
        Assert.Equal(("Jadwal pelaksanaan baru — tanggal", "Jadwal pelaksanaan baru — jam (WIB)"), ((string?)date["label"], (string?)time["label"]));
        Assert.DoesNotContain(CardJson.Inputs(card), i => (string?)i["id"] == SopVerbs.NewJadwalInput);
        var tempat = CardJson.Input(card, SopVerbs.NewTempatInput);
        Assert.Equal(("Aula Dinas Koperasi UKM", 300), ((string?)tempat["value"], (int?)tempat["maxLength"]));
        var alasan = CardJson.Input(card, SopVerbs.AlasanInput);
        Assert.Equal((true, RescheduleRules.MaxReasonLength, null), ((bool?)alasan["isRequired"], (int?)alasan["maxLength"], (string?)alasan["value"]));

        var execute = Assert.Single(CardJson.OfType(card, "Action.Execute"));
        Assert.Equal((SopVerbs.Reschedule, "Ubah jadwal"), ((string?)execute["verb"], (string?)execute["title"]));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["kegiatan"] = "FAS-2026-0001", ["step"] = 6, ["version"] = kegiatan.Version }, execute["data"]));
        var fallback = execute["fallback"]!;
        Assert.Equal(("Action.Submit", SopVerbs.Reschedule), ((string?)fallback["type"], (string?)fallback["data"]!["verb"]));
        Assert.Equal("ActionSet", (string?)execute.Parent?.Parent?["type"]);
    }

    [Fact]
    public void A_refused_change_comes_back_with_the_reason_on_top_and_everything_as_typed()
    {
        var (office, kegiatan) = AtStep6(Typing.Normal);
        var draft = Draft(Typing.Normal, "besok pagi", "Hotel Kapuas Palace", alasan: "");
        var refusal = office.Refuse(kegiatan, Command(Staff.Rina, kegiatan, draft));

        var card = RescheduleCard.Build(office.Views.Reschedule(kegiatan, SopOffice.Definition, draft, refusal.Message));

        Assert.Equal(
            "Isian belum benar: Jadwal pelaksanaan “besok pagi” tidak dikenali sebagai tanggal dan jam. Tulis seperti 14 Juli 2026 09.00. " +
            "Alasan perubahan jadwal wajib diisi, agar semua yang terlibat tahu mengapa jadwal berubah.",
            (string?)CardJson.OfType(card["body"]![0]!, "TextRun").Single()["text"]);
        Assert.Null(CardJson.Input(card, "jadwalBaru.date")["value"]);
        Assert.Null(CardJson.Input(card, "jadwalBaru.time")["value"]);
        Assert.Equal("Hotel Kapuas Palace", (string?)CardJson.Input(card, SopVerbs.NewTempatInput)["value"]);
        Assert.Single(CardJson.OfType(card, "Action.Execute"));
    }

    [Fact]
    public void A_Sunday_picked_comes_back_in_the_pickers_with_the_calendar_s_reason_and_the_nearest_working_day()
    {
        var card = All["sop-reschedule-refused"](Typing.Normal);

        Assert.Equal(
            "Jadwal pelaksanaan baru jatuh pada hari Minggu, 19 Juli 2026, bukan hari kerja. Hari kerja terdekat: Senin, 20 Juli 2026 13.00.",
            (string?)CardJson.OfType(card["body"]![0]!, "TextRun").Single()["text"]);
        Assert.Equal(("2026-07-19", "13:00"), ((string?)CardJson.Input(card, "jadwalBaru.date")["value"], (string?)CardJson.Input(card, "jadwalBaru.time")["value"]));
        Assert.DoesNotContain("T13", CardJson.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public void After_the_change_the_card_is_read_only_and_shows_old_and_new_by_whom_and_why()
    {
        var (office, kegiatan) = Moved(Typing.Normal, Staff.Hendra);

        var card = RescheduleCard.Build(office.Views.Rescheduled(kegiatan, SopOffice.Definition));

        Assert.Empty(CardJson.Inputs(card));
        Assert.Empty(CardJson.OfType(card, "Action.Execute"));
        var text = CardJson.Text(card);
        Assert.Contains("Jadwal diubah", text, StringComparison.Ordinal);
        Assert.Contains("Jadwal pelaksanaan: Rabu, 15 Juli 2026 09.00 WIB → Kamis, 16 Juli 2026 13.30 WIB", text, StringComparison.Ordinal);
        Assert.Contains("Diubah oleh: Hendra Gunawan", text, StringComparison.Ordinal);
        Assert.Contains("Batas waktu langkah 6: Kamis, 16 Juli 2026 13.35 WIB", text, StringComparison.Ordinal);
        Assert.Contains("Ruang Rapat Bidang Perijinan", text, StringComparison.Ordinal);
        Assert.Contains(Reason, text, StringComparison.Ordinal);
        Assert.Contains("Rina Marlina menerima kartu langkah 6 (Pelaksanaan fasilitasi) yang baru", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Everyone_involved_but_the_person_who_moved_it_is_told_old_and_new_where_and_why()
    {
        var (office, kegiatan) = Moved(Typing.Normal, Staff.Hendra);

        var notice = office.Views.Notices(office.Events, kegiatan, SopOffice.Definition).Single();

        Assert.Equal(NoticeKind.Rescheduled, notice.Kind);
        Assert.Equal([Staff.Rina, Staff.Budi, Staff.Siti], notice.To.Select(p => p.Id));
        Assert.Equal("Jadwal pelaksanaan diubah", notice.View.Title);
        Assert.Equal("Jadwal pelaksanaan kegiatan FAS-2026-0001 diubah oleh Hendra Gunawan pada Senin, 13 Juli 2026 09.40 WIB.", notice.View.Lines[0]);
        Assert.True(notice.View.Attention);
        Assert.Contains(LabelledValue.Fixed("Jadwal pelaksanaan", "Rabu, 15 Juli 2026 09.00 WIB → Kamis, 16 Juli 2026 13.30 WIB"), notice.View.Notes);
        Assert.Contains(LabelledValue.Typed("Tempat semula", "Aula Dinas Koperasi UKM", 300), notice.View.Notes);
        Assert.Contains(LabelledValue.Typed("Tempat baru", "Ruang Rapat Bidang Perijinan", 300), notice.View.Notes);
        Assert.Contains(LabelledValue.Typed("Alasan", Reason, RescheduleRules.MaxReasonLength), notice.View.Notes);
    }

    [Fact]
    public void When_the_Ketua_moves_only_the_tempat_the_notice_says_the_jadwal_stays()
    {
        var (office, kegiatan) = AtStep6(Typing.Normal);
        kegiatan = office.Accept(kegiatan, new Reschedule(Staff.Rina, 6, kegiatan.Version, null, "Hotel Kapuas Palace", "Aula dipakai rapat Gubernur."));

        var notice = office.Views.Notices(office.Events, kegiatan, SopOffice.Definition).Single();

        Assert.Equal([Staff.Budi, Staff.Hendra, Staff.Siti], notice.To.Select(p => p.Id));
        Assert.Equal("Tempat pelaksanaan diubah", notice.View.Title);
        Assert.Equal("Jadwalnya tetap; hanya tempatnya yang berubah.", notice.View.Lines[1]);
        Assert.Contains(LabelledValue.Fixed("Jadwal pelaksanaan", "Rabu, 15 Juli 2026 09.00 WIB (tetap)"), notice.View.Notes);
    }

    [Fact]
    public void The_riwayat_lists_the_change_under_step_6_with_its_reason()
    {
        var (office, kegiatan) = Moved(Typing.Normal, Staff.Hendra);

        var history = office.Views.History(kegiatan, SopOffice.Definition);

        var step6 = history.Entries[^1];
        Assert.StartsWith("Langkah 6", step6.Title, StringComparison.Ordinal);
        Assert.Contains(LabelledValue.Fixed("Jadwal diubah", "dari Rabu, 15 Juli 2026 09.00 WIB menjadi Kamis, 16 Juli 2026 13.30 WIB oleh Hendra Gunawan pada Senin, 13 Juli 2026 09.40 WIB"), step6.Rows);
        Assert.Contains(LabelledValue.Typed("Tempat baru", "Ruang Rapat Bidang Perijinan", SopCardViews.HistoryReasonLimit), step6.Rows);
        Assert.Contains(LabelledValue.Typed("Alasan perubahan jadwal", Reason, SopCardViews.HistoryReasonLimit), step6.Rows);
        Assert.Contains(LabelledValue.Fixed("Waktu dihitung dari", "Kamis, 16 Juli 2026 13.30 WIB"), step6.Rows);
        Assert.Contains(LabelledValue.Fixed("Batas waktu", "Kamis, 16 Juli 2026 13.35 WIB"), step6.Rows);
    }
}
