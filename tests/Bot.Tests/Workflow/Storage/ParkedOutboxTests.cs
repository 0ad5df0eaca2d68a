using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Workflow.Storage;

/// <summary>
/// Parked outbox items (no longer retried) are indexed for the Admin and the health check, requeued on request, and delivered
/// then; the health check also warns when the oldest pending item has waited too long. Real Azurite, a fake clock.
/// </summary>
[NeedsAzurite]
public sealed class ParkedOutboxTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Number = "FAS-2026-0001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_parked_item_is_listed_with_its_error_warns_in_health_and_once_requeued_is_delivered()
    {
        var storage = StorageHarness.Create(azurite, o => o.MaxAttempts = 1);
        await storage.CreateAsync(Number, outboxItems: 1, cancellationToken: Ct);
        var failing = true;
        var handler = new RecordingHandler((_, _, _, _) => Task.FromResult(failing ? OutboxOutcome.RetryLater("503 from the connector") : OutboxOutcome.Delivered()));
        var dispatcher = storage.Dispatcher("a", handler);
        var parked = new ParkedOutbox(storage.Tables, storage.Signal, storage.Time);
        var health = Health(storage, parked);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext(), Ct)).Status);

        await dispatcher.DeliverAsync(Number, Ct);

        var item = Assert.Single(await parked.ListAsync(Ct));
        Assert.Equal((Number, OutboxRow.Poison, 1, "503 from the connector"), (item.Number, item.Status, item.Attempts, item.LastError));
        var warned = await health.CheckHealthAsync(new HealthCheckContext(), Ct);
        Assert.Equal(HealthStatus.Degraded, warned.Status);
        Assert.StartsWith($"1 outbox item(s) parked ({item.Kind})", warned.Description, StringComparison.Ordinal);

        failing = false;
        Assert.True(await parked.RequeueAsync(item.Key, Ct));
        Assert.False(await parked.RequeueAsync(item.Key, Ct)); // pending again: nothing parked under that key
        Assert.Empty(await parked.ListAsync(Ct));
        await dispatcher.DeliverAsync(Number, Ct);

        Assert.Empty(await storage.OutboxRowsAsync(Number, Ct));
        Assert.Equal(2, handler.Calls.Count);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext(), Ct)).Status);
    }

    [Fact]
    public async Task An_index_row_whose_item_is_still_pending_is_dropped_not_listed()
    {
        var storage = StorageHarness.Create(azurite);
        await storage.CreateAsync(Number, outboxItems: 1, cancellationToken: Ct);
        var row = OutboxRow.Read(Assert.Single(await storage.OutboxRowsAsync(Number, Ct)));
        var index = await storage.TableAsync(storage.Tables.PendingName, Ct);
        // As a crash between writing the index and marking the item would leave it.
        await index.UpsertEntityAsync(ParkedOutbox.Entry(row, OutboxRow.Poison, "crashed", storage.Time.GetUtcNow()), cancellationToken: Ct);

        Assert.Empty(await new ParkedOutbox(storage.Tables, storage.Signal, storage.Time).ListAsync(Ct));
        Assert.Empty(index.Query<TableEntity>(e => e.PartitionKey == WorkflowTables.ParkedPartition, cancellationToken: Ct));
        Assert.False(await new ParkedOutbox(storage.Tables, storage.Signal, storage.Time).RequeueAsync($"{Number}|o|junk", Ct));
    }

    [Fact]
    public async Task Health_warns_when_the_oldest_pending_item_waits_longer_than_the_setting()
    {
        var storage = StorageHarness.Create(azurite, o => o.PendingWarnAge = TimeSpan.FromMinutes(15));
        await storage.CreateAsync(Number, outboxItems: 1, cancellationToken: Ct);
        var health = Health(storage, new ParkedOutbox(storage.Tables, storage.Signal, storage.Time));
        // The marker a commit leaves for the dispatcher (as the store's signal path writes it).
        var pending = await storage.TableAsync(storage.Tables.PendingName, Ct);
        await pending.UpsertEntityAsync(WorkflowTables.PendingMarker(Number), cancellationToken: Ct);

        storage.Time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext(), Ct)).Status);
        storage.Time.Advance(TimeSpan.FromMinutes(2));
        var late = await health.CheckHealthAsync(new HealthCheckContext(), Ct);

        Assert.Equal(HealthStatus.Degraded, late.Status);
        Assert.Contains("the oldest pending outbox item has waited since", late.Description, StringComparison.Ordinal);
    }

    private static OutboxHealthCheck Health(StorageHarness storage, ParkedOutbox parked) =>
        new(parked, new OutboxCensus(storage.Tables, Microsoft.Extensions.Options.Options.Create(new PerijinanBot.Bot.Telemetry.TelemetryOptions()), storage.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxCensus>.Instance),
            Microsoft.Extensions.Options.Options.Create(storage.Options), storage.Time);
}
