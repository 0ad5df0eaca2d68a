using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Bot.Tests.Reminders;
using PerijinanBot.Sop.Engine;
using static PerijinanBot.Bot.Tests.Reminders.ReminderOffice;

namespace PerijinanBot.Bot.Tests.Reassignment;

/// <summary>
/// Reminders follow the step's holder after a reassignment, and reach a Plh. in force as well as the holder, each once.
/// The two tests use different days: delegations live in the class's Azurite.
/// </summary>
[NeedsAzurite]
public sealed class ReassignReminderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_the_Ketua_moves_step_2_to_Dewi_the_reminders_go_to_Dewi_not_Budi()
    {
        // Monday 2 March 2026, 08.00 WIB: step 2 (1 working hour) goes to Budi, due 09.00; at 08.10 it moves to Dewi.
        await using var office = await ReminderOffice.StartAsync(azurite, 1, Wib(3, 2, 8, 0));
        var number = await office.StartAsync();
        office.Time.SetUtcNow(Wib(3, 2, 8, 10));
        var state = await office.Service<KegiatanService>().FindAsync(number, Ct);
        await office.ApplyAsync(number, new Reassign(Rina, 2, state!.Version, Dewi, "Budi dinas luar."));

        Assert.Equal(1, await office.SweepAllAsync(Wib(3, 2, 8, 48)));
        Assert.Equal(1, await office.SweepAllAsync(Wib(3, 2, 9, 0)));

        var cards = office.Cards("pengingat-");
        Assert.Equal([(Dewi, "pengingat-soon"), (Dewi, "pengingat-due")], cards.Select(c => (c.To, c.Id)));
        Assert.Contains("Dewi Lestari", cards[0].Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Plh_in_force_gets_the_holders_reminders_too_once_each_saying_for_whom()
    {
        // Tuesday 3 March 2026: Dewi stands in for Budi that day only.
        await using var office = await ReminderOffice.StartAsync(azurite, 1, Wib(3, 3, 8, 0));
        var store = office.Service<DelegationStore>();
        var added = await store.AddAsync(Agus, Guid.NewGuid().ToString("N"), new NewDelegation(Budi, Dewi, new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3), "ST 800/40/DISKOPUKM.B/2026", BasisDate: new DateOnly(2026, 3, 2)), Ct);
        Assert.True(added.IsOk, added.Error);
        var number = await office.StartAsync();

        Assert.Equal(2, await office.SweepAllAsync(Wib(3, 3, 8, 48)));
        Assert.Equal(0, await office.SweepAllAsync(Wib(3, 3, 8, 49)));

        var cards = office.Cards("pengingat-");
        Assert.Equal([Budi, Dewi], cards.Select(c => c.To).Order());
        Assert.All(cards, c => Assert.Equal(("pengingat-soon", number), (c.Id, c.Number)));
        var plh = Assert.Single(cards, c => c.To == Dewi);
        Assert.Contains("(menggantikan Budi Santoso), dasar: Surat Perintah Nomor ST 800/40/DISKOPUKM.B/2026 tanggal 2 Maret 2026", plh.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("Plh.", Assert.Single(cards, c => c.To == Budi).Json, StringComparison.Ordinal);

        // The next day the delegation has ended: only Budi is reminded (overdue on Wednesday morning).
        Assert.True(await office.SweepAllAsync(Wib(3, 4, 9, 0)) > 0);
        Assert.All(office.Cards("pengingat-").Skip(2).Where(c => c.Id != "pengingat-escalation"), c => Assert.Equal(Budi, c.To));
    }
}
