using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Delegations;
using PerijinanBot.Dialogs.Tests.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Tests.Cards;

[NeedsNode]
public sealed class DelegationCardTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static readonly DelegationItem InForce = new("a1", "Siti Aminah", "Kepala Dinas", "Hendra Gunawan", Today, Today.AddDays(2), "800/123/DISKOPUKM/2026", MayEnd: false,
        BasisDate: Today.AddDays(-1));

    // Stored before the kind and the Surat Perintah's date were asked for: its free-text basis still shows.
    private static readonly DelegationItem ToCome = new("b2", "Rina Marlina", "Ketua Tim Kerja", "Dewi Lestari", Today.AddDays(7), Today.AddDays(11), "ST 800/130/DISKOPUKM.B/2026 **tebal**", MayEnd: true,
        Kind: StandInKind.Vacancy);

    private static readonly DelegationChoice[] StandIns =
    [
        new("00000000-0000-4000-8000-000000000001", "Rina Marlina — Ketua Tim Kerja"),
        new("00000000-0000-4000-8000-000000000004", "Siti Aminah — Kepala Dinas"),
    ];

    private static readonly DelegationCardView KabidView = new(
        Today,
        [InForce, ToCome],
        new DelegationForm([new("00000000-0000-4000-8000-000000000001", "Rina Marlina — Ketua Tim Kerja")], StandIns),
        DelegationDraft.Empty);

    [Fact]
    public void The_card_lists_appointments_in_force_and_to_come_with_plain_WIB_dates_and_the_form()
    {
        var card = DelegationCard.Build(KabidView);
        var text = Text(card);

        Assert.Contains("Hendra Gunawan selaku Plh. Kepala Dinas", text, StringComparison.Ordinal);
        Assert.Contains("Menggantikan Siti Aminah · Kamis, 26 November 2026 sampai Sabtu, 28 November 2026", text, StringComparison.Ordinal);
        Assert.Contains("Surat Perintah Nomor 800/123/DISKOPUKM/2026 tanggal 25 November 2026", text, StringComparison.Ordinal);
        Assert.Contains("Dewi Lestari selaku Plt. Ketua Tim Kerja", text, StringComparison.Ordinal);
        Assert.DoesNotContain("selaku Plh. Siti", text, StringComparison.Ordinal);
        Assert.DoesNotContain("surat tugas", text, StringComparison.OrdinalIgnoreCase);
        // The official is picked (the Kabid appoints for the Ketua below him, not for himself); Plh. and Plt. are two choices.
        var holder = Assert.Single(Find(card, n => (string?)n["id"] == DelegationCard.HolderInput));
        Assert.Equal(["Rina Marlina — Ketua Tim Kerja"], holder["choices"]!.AsArray().Select(c => (string?)c!["title"]));
        var kind = Assert.Single(Find(card, n => (string?)n["id"] == DelegationCard.KindInput));
        Assert.Equal(["plh", "plt"], kind["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        Assert.StartsWith("Plh. — Pelaksana Harian", (string?)kind["choices"]![0]!["title"], StringComparison.Ordinal);
        Assert.StartsWith("Plt. — Pelaksana Tugas", (string?)kind["choices"]![1]!["title"], StringComparison.Ordinal);
        Assert.Equal("Nomor Surat Perintah", (string?)Assert.Single(Find(card, n => (string?)n["id"] == DelegationCard.BasisInput))["label"]);
        var signed = Assert.Single(Find(card, n => (string?)n["id"] == DelegationCard.BasisDateInput));
        Assert.Equal(("Input.Date", true), ((string?)signed["type"], (bool?)signed["isRequired"]));
        // Only the appointment this viewer may end has "Akhiri", and it does not drag the form's inputs along.
        var end = Assert.Single(Find(card, n => (string?)n["type"] == "Action.Execute" && (string?)n["verb"] == DelegationCard.EndVerb));
        Assert.Equal("b2", (string?)end["data"]![DelegationCard.IdKey]);
        Assert.Equal("none", (string?)end["associatedInputs"]);
        Assert.Equal(DelegationCard.EndVerb, (string?)end["fallback"]!["data"]!["verb"]);
        // The typed basis is a TextRun: "**tebal**" stays literal.
        Assert.Contains(Find(card, n => (string?)n["type"] == "TextRun"), n => ((string?)n["text"])!.Contains("**tebal**", StringComparison.Ordinal));
        CardAssert.MatchesGolden(card, "plh-kabid");
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void An_Admin_picks_the_holder_and_a_refused_form_comes_back_filled_in_with_the_reason()
    {
        var view = new DelegationCardView(
            Today,
            [],
            new DelegationForm([new("00000000-0000-4000-8000-000000000003", "Hendra Gunawan — Kepala Bidang Perijinan dan Kelembagaan")], StandIns),
            new DelegationDraft("00000000-0000-4000-8000-000000000003", "00000000-0000-4000-8000-000000000001", "2026-11-30", "bukan tanggal", "ST 1", Kind: "plt", BasisDate: "2026-11-25"),
            Error: "Tanggal mulai harus sama dengan atau sebelum tanggal selesai.");

        var card = DelegationCard.Build(view);

        Assert.Equal("00000000-0000-4000-8000-000000000003", Value(card, DelegationCard.HolderInput));
        Assert.Equal("2026-11-30", Value(card, DelegationCard.FromInput));
        Assert.Null(Value(card, DelegationCard.ToInput));
        Assert.Equal("ST 1", Value(card, DelegationCard.BasisInput));
        Assert.Equal("plt", Value(card, DelegationCard.KindInput));
        Assert.Equal("2026-11-25", Value(card, DelegationCard.BasisDateInput));
        Assert.Contains("Tidak ada Plh. atau Plt. yang sedang berlaku.", Text(card), StringComparison.Ordinal);
        Assert.Contains("Tanggal mulai harus sama dengan atau sebelum tanggal selesai.", Text(card), StringComparison.Ordinal);
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void A_back_dated_appointment_is_listed_and_announced_with_its_reason_and_the_form_offers_a_reason_field_kept_after_a_refusal()
    {
        var backDated = InForce with { From = Today.AddDays(-3), Reason = "Surat tugas **terlambat** ditandatangani." };
        var view = KabidView with
        {
            Delegations = [backDated],
            Draft = new DelegationDraft(null, StandIns[0].Id, "2026-11-20", "2026-11-27", "ST 1", "Karena sakit mendadak."),
        };

        var card = DelegationCard.Build(view);

        var runs = Find(card, n => (string?)n["type"] == "TextRun").Select(n => (string?)n["text"]).ToList();
        Assert.Contains("Alasan berlaku mundur: ", runs);
        Assert.Contains("Surat tugas **terlambat** ditandatangani.", runs);
        var reason = Assert.Single(Find(card, n => (string?)n["id"] == DelegationCard.ReasonInput));
        Assert.Equal("Karena sakit mendadak.", (string?)reason["value"]);
        Assert.NotEqual(true, (bool?)reason["isRequired"]);
        Assert.Contains("wajib bila tanggal mulai sebelum hari ini", (string?)reason["label"], StringComparison.Ordinal);
        Assert.DoesNotContain("Alasan berlaku mundur: ", Find(DelegationCard.Build(KabidView), n => (string?)n["type"] == "TextRun").Select(n => (string?)n["text"]));
        // The stand-in is told the reason too.
        Assert.Contains(Find(DelegationCard.Appointed(backDated, "Siti Aminah"), n => (string?)n["type"] == "TextRun"), n => (string?)n["text"] == "Surat tugas **terlambat** ditandatangani.");
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void Someone_who_may_not_appoint_sees_the_list_without_a_form()
    {
        var card = DelegationCard.Build(KabidView with { Form = null });

        Assert.Empty(Find(card, n => ((string?)n["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true));
        Assert.Empty(Find(card, n => (string?)n["verb"] == DelegationCard.AddVerb));
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void The_stand_in_is_told_whom_they_stand_in_for_when_and_on_what_basis()
    {
        var card = DelegationCard.Appointed(InForce, "Siti Aminah");

        Assert.Contains("Anda ditunjuk sebagai Plh. Kepala Dinas menggantikan Siti Aminah dari Kamis, 26 November 2026 sampai Sabtu, 28 November 2026, dasar: Surat Perintah Nomor 800/123/DISKOPUKM/2026 tanggal 25 November 2026.", Text(card).Replace("\"},{\"type\":\"TextRun\",\"text\":\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        CardAssert.MatchesGolden(card, "plh-appointed");
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void The_stand_in_is_told_when_their_appointment_is_ended_early_by_whom_and_on_which_day()
    {
        var card = DelegationCard.Ended(InForce, "Siti Aminah", Today.AddDays(1));

        Assert.Contains("Penunjukan Anda sebagai Plh. Kepala Dinas menggantikan Siti Aminah (Kamis, 26 November 2026 sampai Sabtu, 28 November 2026, dasar: Surat Perintah Nomor 800/123/DISKOPUKM/2026 tanggal 25 November 2026) diakhiri oleh Siti Aminah pada Jumat, 27 November 2026.", Text(card).Replace("\"},{\"type\":\"TextRun\",\"text\":\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        CardAssert.MatchesGolden(card, "plh-ended");
        CardAssert.IsValidAdaptiveCard(card);
    }

    private static string Text(JsonNode card) => card.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string? Value(JsonObject card, string id) => Find(card, n => (string?)n["id"] == id).Select(n => (string?)n["value"]).FirstOrDefault();

    private static IEnumerable<JsonObject> Find(JsonNode card, Func<JsonObject, bool> predicate) => CardJson.All(card).Where(predicate);
}
