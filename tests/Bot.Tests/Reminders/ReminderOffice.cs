using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PerijinanBot.Bot.Conversations;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.Reminders;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Protocol;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Tests.Reminders;

/// <summary>A card the bot posted: to whose 1:1 chat, which card (its title's id) and which kegiatan its button opens.</summary>
public sealed record PostedCard(string To, string Id, string? Number, string Json);

/// <summary>
/// Several real bot hosts (separate service providers) on one Azurite, isolated tables of their own, one fake clock and
/// one recording connector; the background sweep is off so that the test drives each instance's sweep itself.
/// </summary>
internal sealed partial class ReminderOffice : IAsyncDisposable
{
    public const string Rina = "00000000-0000-4000-8000-000000000001";
    public const string Budi = "00000000-0000-4000-8000-000000000002";
    public const string Hendra = "00000000-0000-4000-8000-000000000003";
    public const string Siti = "00000000-0000-4000-8000-000000000004";
    public const string Dewi = "00000000-0000-4000-8000-000000000005";
    public const string Agus = "00000000-0000-4000-8000-000000000006";

    private readonly List<BotFactory> _hosts;

    private ReminderOffice(RecordingConnector connector, FakeTimeProvider time, List<BotFactory> hosts)
    {
        Connector = connector;
        Time = time;
        _hosts = hosts;
    }

    public RecordingConnector Connector { get; }

    public FakeTimeProvider Time { get; }

    public int Count => _hosts.Count;

    public static DateTimeOffset Wib(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    public static async Task<ReminderOffice> StartAsync(AzuriteFixture azurite, int instances, DateTimeOffset now)
    {
        var connector = await RecordingConnector.StartAsync();
        var time = new FakeTimeProvider(now);
        var prefix = "r" + Guid.NewGuid().ToString("N")[..12];
        var hosts = Enumerable.Range(0, instances).Select(i => new BotFactory(
            new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = azurite.ConnectionString,
                ["Storage:TableNamePrefix"] = prefix,
                ["Storage:InstanceId"] = $"instance-{i}",
                ["Workflow:Storage:FirstSerial"] = Random.Shared.Next(1, 9000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Reminders:Enabled"] = "false",
            },
            configureServices: services => services.AddSingleton<TimeProvider>(time))).ToList();
        var office = new ReminderOffice(connector, time, hosts);
        foreach (var person in new[] { Rina, Budi, Hendra, Siti, Dewi, Agus })
        {
            await office.Service<ConversationReferenceStore>().RememberAsync(new ConversationReference
            {
                ServiceUrl = connector.ServiceUrl,
                ConversationId = "a:personal-" + person,
                ConversationType = "personal",
                ChannelId = "msteams",
                UserId = "29:" + person,
                UserAadObjectId = person,
                TenantId = "tenant",
                BotId = "28:bot",
            }, installing: false, TestContext.Current.CancellationToken);
        }

        return office;
    }

    public T Service<T>(int instance = 0)
        where T : notnull => _hosts[instance].Services.GetRequiredService<T>();

    public ReminderSweeper Sweeper(int instance = 0) => Service<ReminderSweeper>(instance);

    /// <summary>The Ketua starts a kegiatan for <paramref name="anggota"/> at the clock's time; returns its number once its reminder is placed.</summary>
    public async Task<string> StartAsync(string anggota = Budi, string koperasi = "KSP Maju Bersama")
    {
        var ct = TestContext.Current.CancellationToken;
        var outcome = await Service<KegiatanService>().StartAsync(Rina, Guid.NewGuid().ToString("N"), new FormInput(new Dictionary<string, string?>
        {
            ["jenisFasilitasi"] = "IUSP",
            ["judul"] = "Fasilitasi IUSP",
            ["koperasi"] = koperasi,
            ["kabupatenKota"] = "Kota Pontianak",
            ["anggota"] = anggota,
            ["disposisi"] = "Siapkan data dukung.",
        }, ["disposisi"]), null, ct);
        Assert.True(outcome.IsAccepted, outcome.Refusal?.Message);
        await SettledAsync(outcome.State!.Number, outcome.State.Version);
        return outcome.State.Number;
    }

    public async Task<Kegiatan> ApplyAsync(string number, KegiatanCommand command)
    {
        var outcome = await Service<KegiatanService>().ApplyAsync(number, Guid.NewGuid().ToString("N"), command, TestContext.Current.CancellationToken);
        Assert.True(outcome.IsAccepted, outcome.Refusal?.Message);
        await SettledAsync(number, outcome.State!.Version);
        return outcome.State;
    }

    /// <summary>Delivers the kegiatan's outbox until its open-steps row (and reminder) reflects <paramref name="version"/> (the host's own dispatcher may be at it too).</summary>
    public async Task SettledAsync(string number, int version)
    {
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 200; i++)
        {
            await Service<OutboxDispatcher>().DeliverAsync(number, ct);
            // A closed kegiatan has no open-steps row (and so no reminder) any more.
            if (!await HasOutboxAsync(number, ct)
                && ((await Service<KegiatanService>().FindAsync(number, ct))?.Current is null || (await Service<ReminderRows>().ReadAsync(number, ct))?.Version >= version))
            {
                return;
            }

            await Task.Delay(25, ct);
        }

        Assert.Fail($"the outbox of {number} v{version} was not delivered");
    }

    private async Task<bool> HasOutboxAsync(string number, CancellationToken ct)
    {
        var table = await Service<WorkflowTables>().KegiatanAsync(ct);
        var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {KegiatanKeys.Partition(number)} and RowKey ge {KegiatanKeys.OutboxFrom} and RowKey lt {KegiatanKeys.OutboxTo}");
        await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: ct))
        {
            return true;
        }

        return false;
    }

    /// <summary>Sweeps on every instance at once, until a round sends nothing; returns how many cards were posted.</summary>
    public async Task<int> SweepAllAsync(DateTimeOffset now)
    {
        Time.SetUtcNow(now);
        var total = 0;
        for (var round = 0; round < 10; round++)
        {
            var sent = await Task.WhenAll(_hosts.Select((_, i) => Task.Run(() => Sweeper(i).SweepOnceAsync(now, TestContext.Current.CancellationToken))));
            total += sent.Sum();
            if (sent.Sum() == 0)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>Reminder cards ("pengingat-…") or digests ("ringkasan-harian") posted so far.</summary>
    public IReadOnlyList<PostedCard> Cards(string idPrefix) => [.. Connector.Calls
        .Where(c => c.Method == "POST" && c.Body?["attachments"]?[0]?["content"]?["body"]?[0]?["id"]?.GetValue<string>() is { } id && id.StartsWith(idPrefix, StringComparison.Ordinal))
        .Select(c =>
        {
            var card = c.Body!["attachments"]![0]!["content"]!;
            var to = Uri.UnescapeDataString(c.Path).Split("personal-")[1].Split('/')[0];
            var json = card.ToJsonString();
            var number = Number().Match(json) is { Success: true } m ? m.Value : null;
            return new PostedCard(to, card["body"]![0]!["id"]!.GetValue<string>(), number, json);
        })];

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await Connector.DisposeAsync();
    }

    [GeneratedRegex(@"FAS-\d{4}-\d{4}")]
    private static partial Regex Number();
}
