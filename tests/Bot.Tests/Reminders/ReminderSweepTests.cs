using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Reminders;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Sop.Engine;
using static PerijinanBot.Bot.Tests.Reminders.ReminderOffice;

namespace PerijinanBot.Bot.Tests.Reminders;

/// <summary>The sweep through real bot hosts on Azurite, driven on a fake clock: who gets which reminder when, once.</summary>
[NeedsAzurite]
public sealed class ReminderSweepTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_ladder_of_step_2_reaches_the_Anggota_then_the_Ketua_and_stops_when_cancelled()
    {
        // Monday 2 March 2026, 08.00 WIB: step 2 (1 working hour) goes to Budi, due 09.00.
        await using var office = await ReminderOffice.StartAsync(azurite, 1, Wib(3, 2, 8, 0));
        var number = await office.StartAsync();

        Assert.Equal(0, await office.SweepAllAsync(Wib(3, 2, 8, 47)));
        Assert.Equal(1, await office.SweepAllAsync(Wib(3, 2, 8, 48)));
        var soon = Assert.Single(office.Cards("pengingat-"));
        Assert.Equal((Budi, "pengingat-soon", number), (soon.To, soon.Id, soon.Number));
        Assert.Contains("Sisa 12 menit waktu kerja", soon.Json, StringComparison.Ordinal);
        Assert.Contains("KSP Maju Bersama", soon.Json, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"sop.open\"", soon.Json, StringComparison.Ordinal);
        Assert.Contains("Senin, 2 Maret 2026 09.00 WIB", soon.Json, StringComparison.Ordinal);

        Assert.Equal(0, await office.SweepAllAsync(Wib(3, 2, 8, 59)));
        Assert.Equal(1, await office.SweepAllAsync(Wib(3, 2, 9, 0)));
        Assert.Equal("pengingat-due", office.Cards("pengingat-")[^1].Id);

        // 10.00: one working hour late. The Ketua is told who is late with what; Budi is reminded again.
        Assert.Equal(2, await office.SweepAllAsync(Wib(3, 2, 10, 0)));
        var cards = office.Cards("pengingat-");
        var escalation = Assert.Single(cards, c => c.Id == "pengingat-escalation");
        Assert.Equal(Rina, escalation.To);
        Assert.Contains("Budi Santoso", escalation.Json, StringComparison.Ordinal);
        Assert.Contains("terlambat 1 jam menyelesaikan langkah 2 (Penyiapan data dukung)", escalation.Json, StringComparison.Ordinal);
        Assert.Equal((Budi, number), Assert.Single(cards, c => c.Id == "pengingat-overdue") is var o ? (o.To, o.Number) : default);

        // Evening: due reminders wait for the morning; nothing is sent at 20.00.
        Assert.Equal(0, await office.SweepAllAsync(Wib(3, 2, 20, 0)));

        // Cancelled: the next reminder (11.00) never comes.
        var state = await office.Service<KegiatanService>().FindAsync(number, Ct);
        await office.ApplyAsync(number, new Cancel(Rina, state!.Version, "Koperasi menunda permohonan."));
        Assert.Equal(0, await office.SweepAllAsync(Wib(3, 3, 15, 0)));
        Assert.Equal(4, office.Cards("pengingat-").Count);
    }

    [Fact]
    public async Task What_fell_due_overnight_is_sent_at_the_next_working_start()
    {
        // Friday 17 July 15.30 (usual hours, not Ramadan): step 2 is due at 16.30, the very end of Friday's working time, so
        // "due" waits for Monday 07.30.
        await using var office = await ReminderOffice.StartAsync(azurite, 1, Wib(7, 17, 15, 30));
        var number = await office.StartAsync();

        Assert.Equal(1, await office.SweepAllAsync(Wib(7, 17, 16, 18)));  // "soon", within working time
        Assert.Equal(0, await office.SweepAllAsync(Wib(7, 17, 16, 30)));  // closing time
        Assert.Equal(0, await office.SweepAllAsync(Wib(7, 18, 9, 0)));    // Saturday
        Assert.Equal(0, await office.SweepAllAsync(Wib(7, 20, 7, 29)));   // Monday before work
        Assert.Equal(1, await office.SweepAllAsync(Wib(7, 20, 7, 30)));
        Assert.Equal(("pengingat-due", number), office.Cards("pengingat-")[^1] is var due ? (due.Id, due.Number) : default);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Several_instances_deliver_every_due_reminder_exactly_once(int instances)
    {
        await using var office = await ReminderOffice.StartAsync(azurite, instances, Wib(3, 2, 8, 0));
        var numbers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            numbers.Add(await office.StartAsync(i % 2 == 0 ? Budi : Dewi));
        }

        Assert.Equal(6, await office.SweepAllAsync(Wib(3, 2, 8, 48)));
        Assert.Equal(6, await office.SweepAllAsync(Wib(3, 2, 9, 0)));
        Assert.Equal(12, await office.SweepAllAsync(Wib(3, 2, 10, 0)));

        var cards = office.Cards("pengingat-");
        Assert.Equal(24, cards.Count);
        Assert.All(cards.GroupBy(c => (c.Number, c.Id, c.To)), g => Assert.Single(g));
        Assert.All(numbers, n => Assert.Equal(4, cards.Count(c => c.Number == n)));
    }

    [Fact]
    public async Task A_reminder_claimed_by_an_instance_that_died_is_sent_once_by_another_after_the_lease()
    {
        await using var office = await ReminderOffice.StartAsync(azurite, 2, Wib(3, 2, 8, 0));
        var number = await office.StartAsync();
        var now = Wib(3, 2, 8, 48);
        office.Time.SetUtcNow(now);

        // Instance 0 claims and dies before sending (its lease is never released).
        var claimed = Assert.Single(await office.Sweeper(0).ClaimDueAsync(now, Ct));
        Assert.Equal(0, await office.Sweeper(1).SweepOnceAsync(now.AddSeconds(30), Ct));
        Assert.Empty(office.Cards("pengingat-"));

        Assert.Equal(1, await office.Sweeper(1).SweepOnceAsync(now.AddSeconds(61), Ct));
        // The dead instance comes back and finishes its old claim: nothing is sent twice.
        Assert.Equal(0, await office.Sweeper(0).DeliverAsync(claimed, now.AddSeconds(62), Ct));
        Assert.Equal(0, await office.SweepAllAsync(now.AddMinutes(5)));

        Assert.Equal(number, Assert.Single(office.Cards("pengingat-")).Number);
        Assert.Equal(1, await office.SweepAllAsync(Wib(3, 2, 9, 0)));
    }

    [Fact]
    public async Task A_claim_taken_before_a_decision_leaves_the_reminder_the_decision_placed()
    {
        await using var office = await ReminderOffice.StartAsync(azurite, 1, Wib(3, 2, 8, 0));
        var number = await office.StartAsync();
        var now = Wib(3, 2, 8, 48);
        office.Time.SetUtcNow(now);
        var claimed = Assert.Single(await office.Sweeper(0).ClaimDueAsync(now, Ct));

        // Before the claim is delivered, Budi submits step 2: step 3 is the Ketua's, with a ladder of its own.
        var state = await office.Service<KegiatanService>().FindAsync(number, Ct);
        var submitted = await office.ApplyAsync(number, new SubmitData(Budi, 2, state!.Version, new FormInput(new Dictionary<string, string?>
        {
            ["materiSubstansi"] = "Materi.",
            ["calonPeserta"] = "Pengurus.",
            ["calonNarasumber"] = "Kabid.",
            ["jadwal"] = "2026-04-07 09:00",
            ["tempat"] = "Aula.",
        }, ["disposisi", "bahanMateri"])));

        // The old claim finds the step moved on and sends nothing; the row keeps the reminder the decision placed.
        Assert.Equal(0, await office.Sweeper(0).DeliverAsync(claimed, now, Ct));
        var row = await office.Service<ReminderRows>().ReadAsync(number, Ct);
        Assert.Equal(submitted.Version, row?.Version);
        Assert.Equal(3, row?.Next?.Step);

        Assert.True(await office.SweepAllAsync(submitted.Current!.DueAt) > 0);
        var cards = office.Cards("pengingat-");
        Assert.Contains(cards, c => c.To == Rina && c.Number == number);
        Assert.DoesNotContain(cards, c => c.To == Budi);
    }
}
