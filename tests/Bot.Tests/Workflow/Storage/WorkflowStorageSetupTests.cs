using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Workflow.Storage;

[NeedsAzurite]
public sealed class WorkflowStorageSetupTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private ServiceProvider Build(Dictionary<string, string?> settings, params IOutboxHandler[] handlers)
    {
        settings["Storage:ConnectionString"] = azurite.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddTableStorage(configuration).AddOutbox(configuration);
        foreach (var handler in handlers)
        {
            services.AddSingleton(handler);
        }

        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task The_store_and_a_hosted_dispatcher_come_from_configuration()
    {
        await using var provider = Build(new() { ["Workflow:Storage:NumberPrefix"] = "IZN", ["Storage:TableNamePrefix"] = "setup" }, new RecordingHandler());

        var store = provider.GetRequiredService<KegiatanStore>();
        var start = await store.StartAsync("c1", n => Changes.Step(n, 1, 1, "rina"), TestContext.Current.CancellationToken);

        Assert.Matches(@"^IZN-\d{4}-0001$", start.Number);
        Assert.Same(provider.GetRequiredService<OutboxDispatcher>(), Assert.Single(provider.GetServices<IHostedService>().OfType<OutboxDispatcher>()));
        Assert.Equal("setupKegiatan", provider.GetRequiredService<WorkflowTables>().KegiatanName);
    }

    [Theory]
    [InlineData("NumberPrefix", "fa s", "NumberPrefix must be 1-10 capital letters")]
    [InlineData("FirstSerial", "0", "FirstSerial must be 1 or more")]
    [InlineData("NumberTimeZone", "Mars/Olympus", "is not a known time zone")]
    [InlineData("HandlerTimeout", "00:02:00", "HandlerTimeout must be shorter than ClaimLease")]
    public void Bad_options_are_refused_with_what_to_fix(string key, string value, string message)
    {
        using var provider = Build(new() { [$"Workflow:Storage:{key}"] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WorkflowStorageOptions>>().Value);

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_table_name_prefix_is_refused_with_what_to_fix()
    {
        using var provider = Build(new() { ["Storage:TableNamePrefix"] = "1x" });

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("TableNamePrefix must be empty or start with a letter", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_handlers_for_one_kind_are_refused_when_the_dispatcher_is_built()
    {
        using var provider = Build([], new RecordingHandler(), new RecordingHandler { Kinds = ["notice", "card"] });

        var refused = Assert.Throws<InvalidOperationException>(provider.GetRequiredService<OutboxDispatcher>);

        Assert.Contains("Outbox kind 'card' has two handlers", refused.Message, StringComparison.Ordinal);
    }
}
