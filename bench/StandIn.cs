using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PerijinanBot.Bot.Workflow.Storage;

namespace PerijinanBot.Bench;

/// <summary>The state the stand-in engine keeps: a counter and some text, about the size of a real kegiatan's state.</summary>
internal sealed record BenchState(int Counter, string Judul, string Notulen);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BenchState))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;

/// <summary>
/// Stands in for the SOP engine until the lead plugs the real one in: same shape as what
/// <see cref="KegiatanStore.DecideAsync"/> takes (current state in, the change or null out).
/// </summary>
internal static class StandIn
{
    public static KegiatanState Initial(int version) => State(new BenchState(version, "Fasilitasi Izin Usaha Simpan Pinjam Koperasi Sejahtera", new string('n', 1500)));

    /// <summary>Deserialises the state, counts one up, serialises; one history entry; one or two outbox rows (alternating).</summary>
    public static KegiatanChange? Decide(StoredKegiatan current)
    {
        var state = JsonSerializer.Deserialize(current.State.Json, BenchJsonContext.Default.BenchState)!;
        var next = state with { Counter = state.Counter + 1 };
        var version = current.Version + 1;
        var outbox = new List<OutboxMessage> { Message(current.Number, version, 0) };
        if (version % 2 == 0)
        {
            outbox.Add(Message(current.Number, version, 1));
        }

        return new KegiatanChange(
            State(next),
            new HistoryEntry("stepApproved", string.Create(CultureInfo.InvariantCulture, $$"""{"type":"stepApproved","step":3,"version":{{version}}}"""), "bench", DateTimeOffset.UtcNow),
            outbox);
    }

    private static KegiatanState State(BenchState state) =>
        new(JsonSerializer.Serialize(state, BenchJsonContext.Default.BenchState), "Berjalan", "fasilitasi-perijinan", 1);

    private static OutboxMessage Message(string number, int version, int index) => new(
        "card",
        string.Create(CultureInfo.InvariantCulture, $"{number}|v{version}|{index}"),
        string.Create(CultureInfo.InvariantCulture, $$"""{"to":"person{{index}}","step":4,"version":{{version}}}"""));
}
