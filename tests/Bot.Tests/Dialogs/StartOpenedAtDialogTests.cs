using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Bot.Tests.Dialogs;

/// <summary>
/// Step 1 of a kegiatan counts from when the Ketua opened the <c>mulai</c> form, as the card says, but only as far as the
/// bot vouches for it: the card carries the time the bot showed it, signed for the person it showed it to. Any other claim
/// counts from the click; a genuine one counts from at most <c>Sop:MaxFormOpenWindow</c> (1 day) before the click, and
/// never from after it. Through the real bot host, on a fake clock.
/// </summary>
[NeedsAzurite]
public sealed class StartOpenedAtDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    /// <summary>Monday 2 March 2026, 08:00:00 WIB: whole seconds, as the card shows them.</summary>
    private static readonly DateTimeOffset Opened = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Step_1_counts_from_the_opening_time_the_bot_signed_for_the_clicker_and_from_the_click_for_any_other_claim()
    {
        var clock = new SkewedClock(new FakeTimeProvider(Opened));
        await using var h = await StartAsync(clock);
        var card = await StartCardAsync(h);
        var budis = h.Bot.Services.GetRequiredService<OpenedAtStamps>().Stamp((string)card["definition"]!, h.Budi.AadObjectId);
        clock.Advance(TimeSpan.FromMinutes(25));
        var click = clock.GetUtcNow();

        var forgeries = new Dictionary<string, JsonObject>
        {
            ["no signature"] = With(card, tag: null),
            ["a made-up signature"] = With(card, tag: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
            ["Budi's signature of the same time"] = With(card, tag: budis.OpenedAtTag),
            ["the signature of another time"] = With(card, openedAt: "2026-03-02T07:00:00+07:00"),
        };
        foreach (var (what, data) in forgeries)
        {
            Assert.True(click == await EnteredAtAsync(h, data), $"{what}: step 1 must count from the click");
        }

        Assert.Equal(Opened, await EnteredAtAsync(h, card));
    }

    [Fact]
    public async Task A_signed_opening_time_older_than_the_window_counts_from_one_day_before_the_click()
    {
        var clock = new SkewedClock(new FakeTimeProvider(Opened));
        await using var h = await StartAsync(clock);
        var card = await StartCardAsync(h);
        clock.Advance(TimeSpan.FromHours(30));

        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromDays(1), await EnteredAtAsync(h, card));
    }

    [Fact]
    public async Task A_signed_opening_time_ahead_of_the_clock_counts_from_the_click()
    {
        // The instance that showed the card ran ten minutes ahead of the one that takes the click.
        var clock = new SkewedClock(new FakeTimeProvider(Opened)) { Skew = TimeSpan.FromMinutes(10) };
        await using var h = await StartAsync(clock);
        var card = await StartCardAsync(h);
        clock.Skew = TimeSpan.Zero;

        Assert.Equal(Opened, await EnteredAtAsync(h, card));
    }

    private Task<DialogHarness> StartAsync(TimeProvider clock) => DialogHarness.StartAsync(
        storage.ConnectionString,
        Ct,
        settings: new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" },
        configureServices: services => services.AddSingleton(clock));

    /// <summary>The Ketua types "mulai"; returns the data of the card's send button, the form filled in.</summary>
    private static async Task<JsonObject> StartCardAsync(DialogHarness h)
    {
        await h.SayAsync(h.Ketua, "mulai", Ct);
        var start = await h.CardAsync(h.Ketua, c => DialogCards.Action(c, SopVerbs.Start) is not null, "Ketua: start card");
        var data = DialogCards.With(DialogCards.Action(start.Card, SopVerbs.Start)!, start.Card, DialogHarness.StartForm);
        Assert.NotNull(data[SopVerbs.OpenedAtTagKey]);
        return data;
    }

    private static JsonObject With(JsonObject card, string? tag = "", string? openedAt = null)
    {
        var data = (JsonObject)card.DeepClone();
        if (tag is null)
        {
            data.Remove(SopVerbs.OpenedAtTagKey);
        }
        else if (tag.Length > 0)
        {
            data[SopVerbs.OpenedAtTagKey] = tag;
        }

        if (openedAt is not null)
        {
            data[SopVerbs.OpenedAtKey] = openedAt;
        }

        return data;
    }

    /// <summary>The Ketua sends the start card with this data; returns when step 1 of the new kegiatan was entered.</summary>
    private static async Task<DateTimeOffset> EnteredAtAsync(DialogHarness h, JsonObject data)
    {
        var answer = await h.ExecuteAsync(h.Ketua, $"reply-{Guid.NewGuid():N}", SopVerbs.Start, data, Ct);
        Assert.True(answer.IsCard, $"start: {answer}");
        var number = DialogHarness.NumberPattern().Match(DialogCards.Text(answer.Card)).Value;
        Assert.False(string.IsNullOrEmpty(number), $"start answer names no kegiatan number: {answer}");
        var entered = (await h.KegiatanAsync(number, Ct)).Steps[0].EnteredAt;
        await h.DeliveredAsync(number, Ct);
        return entered;
    }

    /// <summary>A fake clock that can run ahead of (or behind) the time it is advanced to, as another instance's clock may.</summary>
    private sealed class SkewedClock(FakeTimeProvider inner) : TimeProvider
    {
        public TimeSpan Skew { get; set; }

        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

        public override long TimestampFrequency => inner.TimestampFrequency;

        public void Advance(TimeSpan delta) => inner.Advance(delta);

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Skew;

        public override long GetTimestamp() => inner.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(callback, state, dueTime, period);
    }
}
