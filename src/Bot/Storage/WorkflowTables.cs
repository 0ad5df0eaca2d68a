using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Storage;

/// <summary>The four tables of the workflow, each created once per process on first use.</summary>
public sealed class WorkflowTables
{
    private readonly TableProvider _provider;
    private readonly string _prefix;

    public WorkflowTables(TableServiceClient service, IOptions<StorageOptions> options)
    {
        _provider = new TableProvider(service);
        _prefix = options.Value.TableNamePrefix;
    }

    /// <summary>One partition per kegiatan: its state row, history rows and outbox rows.</summary>
    public string KegiatanName => _prefix + "Kegiatan";

    /// <summary>The per-year counter hint and one row per start command (idempotent starts).</summary>
    public string NumbersName => _prefix + "KegiatanNumbers";

    /// <summary>One marker row per kegiatan whose outbox may hold work (partition <c>pending</c>), and the index of parked items (<c>parked</c>).</summary>
    public string PendingName => _prefix + "OutboxPending";

    /// <summary>The delivery ledger, keyed by dedupe key.</summary>
    public string DeliveriesName => _prefix + "Deliveries";

    /// <summary>The partition of <see cref="PendingName"/> holding one marker per kegiatan whose outbox may hold work.</summary>
    internal const string PendingPartition = "pending";

    /// <summary>The partition of <see cref="PendingName"/> indexing the outbox items no longer retried.</summary>
    internal const string ParkedPartition = "parked";

    /// <summary>The marker that sends the dispatcher's poll to kegiatan <paramref name="number"/>.</summary>
    internal static TableEntity PendingMarker(string number) =>
        new(PendingPartition, KegiatanKeys.Partition(number)) { ["Number"] = number };

    internal Task<TableClient> KegiatanAsync(CancellationToken cancellationToken) => _provider.GetAsync(KegiatanName, cancellationToken);

    internal Task<TableClient> NumbersAsync(CancellationToken cancellationToken) => _provider.GetAsync(NumbersName, cancellationToken);

    internal Task<TableClient> PendingAsync(CancellationToken cancellationToken) => _provider.GetAsync(PendingName, cancellationToken);

    internal Task<TableClient> DeliveriesAsync(CancellationToken cancellationToken) => _provider.GetAsync(DeliveriesName, cancellationToken);
}
