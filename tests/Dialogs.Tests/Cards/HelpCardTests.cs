using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Dialogs.Tests.Cards;

public sealed class HelpCardTests
{
    private static readonly HelpView Known = new("Rina Marlina", ["Ketua Tim Kerja"], CommandCatalog.All, CommandCatalog.ButtonsFor(new HashSet<Role> { Role.KetuaTimKerja }));

    [Fact]
    [NeedsNode]
    public void Help_card_greets_the_person_with_their_roles_and_lists_every_command()
    {
        var card = HelpCard.Build(Known);
        var text = card.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Contains("Halo, Rina Marlina. Peran Anda: Ketua Tim Kerja.", text, StringComparison.Ordinal);
        Assert.All(CommandCatalog.All, c => Assert.Contains(c.Usage, text, StringComparison.Ordinal));
        CardAssert.MatchesGolden(card, "help-ketua");
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    [NeedsNode]
    public void Help_card_tells_a_stranger_to_ask_the_admin()
    {
        var card = HelpCard.Build(Known with { PersonName = null, Roles = [] });

        Assert.Contains("belum terdaftar", card.ToJsonString(), StringComparison.Ordinal);
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void Help_card_buttons_run_the_commands_meant_for_the_person_that_need_no_number()
    {
        var card = HelpCard.Build(Known);
        var actions = Sop.CardJson.All(card).Where(o => o["data"] is JsonObject { } data && data["command"] is not null).ToList();

        var commands = actions.Select(a => (string?)a["data"]!["command"]).ToList();
        Assert.Equal(["mulai", "tugas", "sop", "peran", "agenda", "laporan", "plh"], commands);
        Assert.All(actions, a => Assert.Equal("Action.Submit", (string?)a["type"]));
        // Rows of at most four: Teams shows no more than five actions in one set.
        Assert.All(Sop.CardJson.OfType(card, "ActionSet"), set => Assert.InRange(set["actions"]!.AsArray().Count, 1, 4));
        Assert.Null(card["actions"]);
    }

    [Fact]
    public void Only_the_Ketua_is_offered_the_start_button()
    {
        var anggota = CommandCatalog.ButtonsFor(new HashSet<Role> { Role.AnggotaTimKerja }).Select(c => c.Word);
        var kabid = CommandCatalog.ButtonsFor(new HashSet<Role> { Role.KepalaBidang }).Select(c => c.Word);

        Assert.Equal(["tugas", "sop", "peran", "agenda", "plh"], anggota);
        Assert.Equal(["tugas", "sop", "peran", "agenda", "laporan", "plh"], kabid);
    }

    [Fact]
    [NeedsNode]
    public void Roles_card_lists_holders_and_warns_about_vacant_roles()
    {
        var card = RolesCard.Build(
        [
            new RoleHolders("Ketua Tim Kerja", ["Rina Marlina"]),
            new RoleHolders("Kepala Dinas", []),
        ]);
        var text = card.ToJsonString();

        Assert.Contains("Rina Marlina", text, StringComparison.Ordinal);
        Assert.Contains("Peran tanpa pemegang: Kepala Dinas", text, StringComparison.Ordinal);
        CardAssert.MatchesGolden(card, "roles-one-vacant");
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    [NeedsNode]
    public void The_validator_rejects_a_broken_card()
    {
        var broken = CardElements.Card([new JsonObject { ["type"] = "TextBlok", ["text"] = "salah ketik" }]);

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => CardAssert.IsValidAdaptiveCard(broken));
    }
}
