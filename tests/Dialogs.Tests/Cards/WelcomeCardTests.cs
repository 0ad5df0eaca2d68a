using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Dialogs.Tests.Cards;

[NeedsNode]
public sealed class WelcomeCardTests
{
    [Fact]
    public void Personal_welcome_names_the_person_and_their_role_and_offers_the_commands()
    {
        var card = WelcomeCard.Build(new WelcomeView("Siti Aminah", ["Kepala Dinas"], IsGroup: false, CommandCatalog.ButtonsFor(new HashSet<Role> { Role.KepalaDinas })));

        Assert.Contains("Halo, Siti Aminah. Peran Anda: Kepala Dinas.", card.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.Equal(["tugas", "sop", "peran", "agenda", "laporan", "plh"],
            Sop.CardJson.OfType(card, "Action.Submit").Select(a => (string?)a["data"]!["command"]));
        CardAssert.MatchesGolden(card, "welcome-kadis");
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void Group_welcome_explains_the_mention()
    {
        var card = WelcomeCard.Build(new WelcomeView(null, [], IsGroup: true, CommandCatalog.ButtonsFor(new HashSet<Role>())));
        var text = card.ToJsonString();

        Assert.Contains("@PerijinanBot bantuan", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Halo", text, StringComparison.Ordinal);
        CardAssert.MatchesGolden(card, "welcome-group");
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void A_stranger_is_told_to_ask_the_admin()
    {
        var card = WelcomeCard.Build(new WelcomeView(null, [], IsGroup: false, CommandCatalog.ButtonsFor(new HashSet<Role>())));

        Assert.Contains("belum terdaftar", card.ToJsonString(), StringComparison.Ordinal);
        CardAssert.IsValidAdaptiveCard(card);
    }
}
