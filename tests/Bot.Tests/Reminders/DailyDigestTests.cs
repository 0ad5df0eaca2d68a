using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Reminders;
using PerijinanBot.Bot.Tests.Infrastructure;
using static PerijinanBot.Bot.Tests.Reminders.ReminderOffice;

namespace PerijinanBot.Bot.Tests.Reminders;

/// <summary>The 07.30 digest: to whom, saying what, once a day across instances, and never on a weekend or holiday.</summary>
[NeedsAzurite]
public sealed class DailyDigestTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_person_with_open_steps_and_the_leaders_get_one_digest_on_a_working_morning()
    {
        // Friday 27 February: two kegiatan reach step 2, one for Budi, one for Dewi; both are late by Monday.
        await using var office = await ReminderOffice.StartAsync(azurite, 2, Wib(2, 27, 9, 0));
        var forBudi = await office.StartAsync(Budi, "KSP Maju Bersama");
        var forDewi = await office.StartAsync(Dewi, "KSP Sejahtera");

        Task<int[]> RunAllAsync(DateTimeOffset now)
        {
            office.Time.SetUtcNow(now);
            return Task.WhenAll(Enumerable.Range(0, office.Count).Select(i => Task.Run(() => office.Service<DailyDigest>(i).RunAsync(now, Ct))));
        }

        Assert.Equal(0, (await RunAllAsync(Wib(2, 28, 7, 30))).Sum());  // Saturday
        Assert.Equal(0, (await RunAllAsync(Wib(3, 2, 7, 29))).Sum());   // Monday, before 07.30
        Assert.Equal(4, (await RunAllAsync(Wib(3, 2, 7, 30))).Sum());
        Assert.Equal(0, (await RunAllAsync(Wib(3, 2, 10, 0))).Sum());   // later the same day: already sent

        var digests = office.Cards("ringkasan-harian");
        Assert.Equal([Budi, Hendra, Siti, Dewi], digests.Select(d => d.To).Order());
        var budi = digests.Single(d => d.To == Budi);
        Assert.Contains(forBudi, budi.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(forDewi, budi.Json, StringComparison.Ordinal);
        Assert.Contains("TERLAMBAT", budi.Json, StringComparison.Ordinal);
        Assert.Contains("Senin, 2 Maret 2026", budi.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("kegiatan berjalan", budi.Json, StringComparison.Ordinal);
        foreach (var leader in new[] { Hendra, Siti })
        {
            var digest = digests.Single(d => d.To == leader);
            Assert.Contains("2 kegiatan berjalan, 2 terlambat", digest.Json, StringComparison.Ordinal);
            Assert.Contains("Tidak ada langkah yang menunggu tindakan Anda.", digest.Json, StringComparison.Ordinal);
        }

        // Tuesday is a new day: everyone gets the next one.
        Assert.Equal(4, (await RunAllAsync(Wib(3, 3, 7, 30))).Sum());
    }

    [Fact]
    public async Task A_Plh_in_force_finds_the_holders_open_steps_in_the_digest_marked_as_Plh()
    {
        // Monday 9 March: a kegiatan reaches Budi's step 2; Dewi stands in for Budi on Tuesday 10 March only (other days than above).
        await using var office = await ReminderOffice.StartAsync(azurite, 1, Wib(3, 9, 9, 0));
        var added = await office.Service<DelegationStore>().AddAsync(Agus, Guid.NewGuid().ToString("N"),
            new NewDelegation(Budi, Dewi, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10), "ST 800/41/DISKOPUKM.B/2026", BasisDate: new DateOnly(2026, 3, 9)), Ct);
        Assert.True(added.IsOk, added.Error);
        var number = await office.StartAsync(Budi, "KSP Maju Bersama");

        async Task<int> RunAsync(DateTimeOffset now)
        {
            office.Time.SetUtcNow(now);
            return await office.Service<DailyDigest>().RunAsync(now, Ct);
        }

        // Tuesday: Dewi has no step of her own, but gets the digest with Budi's step, marked as his Plh.
        Assert.Equal(4, await RunAsync(Wib(3, 10, 7, 30)));
        var digests = office.Cards("ringkasan-harian");
        Assert.Equal([Budi, Hendra, Siti, Dewi], digests.Select(d => d.To).Order());
        var dewi = digests.Single(d => d.To == Dewi);
        Assert.Contains(number, dewi.Json, StringComparison.Ordinal);
        Assert.Matches("Sebagai Plh\\. Anggota Tim Kerja[^\"]* \\(menggantikan Budi Santoso\\)", dewi.Json);
        Assert.Contains("1 langkah menunggu tindakan Anda", dewi.Json, StringComparison.Ordinal);
        var budi = digests.Single(d => d.To == Budi);
        Assert.Contains(number, budi.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("Plh.", budi.Json, StringComparison.Ordinal);

        // Wednesday the appointment is over: Dewi gets no digest.
        Assert.Equal(3, await RunAsync(Wib(3, 11, 7, 30)));
        Assert.DoesNotContain(office.Cards("ringkasan-harian").Skip(4), d => d.To == Dewi);
    }
}
