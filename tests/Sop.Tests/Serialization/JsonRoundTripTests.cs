using System.Text.Json;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Tests.Support;

namespace PerijinanBot.Sop.Tests.Serialization;

/// <summary>The storage keeps the kegiatan and its events as JSON; what comes back must behave exactly like what went in.</summary>
public sealed class JsonRoundTripTests
{
    [Fact]
    public void A_kegiatan_survives_a_JSON_round_trip_and_carries_on_identically()
    {
        var office = new Office();
        var kegiatan = office.WalkTo(4);
        office.Staffing = Staff.With(new Delegation(Staff.Hendra, Staff.Yusuf, new DateOnly(2026, 7, 13), new DateOnly(2026, 7, 13), "ST 800/12/2026"));
        kegiatan = office.Accept(kegiatan, new Reject(Staff.Yusuf, 4, kegiatan.Version, "Koreksi rekomendasi."));
        kegiatan = office.Accept(kegiatan, new Reassign(Staff.Hendra, 3, kegiatan.Version, Staff.Yusuf, "Rina cuti."));

        var json = JsonSerializer.Serialize(kegiatan, SopJsonContext.Default.Kegiatan);
        var restored = JsonSerializer.Deserialize(json, SopJsonContext.Default.Kegiatan)!;

        Assert.Equal(json, JsonSerializer.Serialize(restored, SopJsonContext.Default.Kegiatan));
        Assert.Equal(kegiatan.Current!.DueAt, restored.Current!.DueAt);
        Assert.Equal(kegiatan.Steps[3].FinishedBy, restored.Steps[3].FinishedBy);
        Assert.Equal(kegiatan.Steps[3].Measurement, restored.Steps[3].Measurement);

        var command = new Approve(Staff.Yusuf, 3, kegiatan.Version, Forms.Verify());
        var fromOriginal = office.Engine.Apply(kegiatan, command, office.Staffing);
        var fromRestored = office.Engine.Apply(restored, command, office.Staffing);
        Assert.Equal(
            JsonSerializer.Serialize(fromOriginal.State!, SopJsonContext.Default.Kegiatan),
            JsonSerializer.Serialize(fromRestored.State!, SopJsonContext.Default.Kegiatan));
    }

    [Fact]
    public void State_JSON_is_camelCase_with_enums_as_words()
    {
        var kegiatan = new Office().WalkTo(3);
        var json = JsonSerializer.Serialize(kegiatan, SopJsonContext.Default.Kegiatan);
        Assert.Contains("\"number\":\"FAS-2026-0001\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"open\"", json, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"completed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"unit\":\"hours\"", json, StringComparison.Ordinal);
        Assert.Contains("\"data\":{\"1\":", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_keep_their_kind_through_JSON()
    {
        var office = new Office();
        var kegiatan = office.WalkTo(3);
        var events = new List<KegiatanEvent>();
        kegiatan = office.Accept(kegiatan, new Reject(Staff.Rina, 3, kegiatan.Version, "Perbaiki."));
        events.AddRange(office.Events);
        kegiatan = office.Accept(kegiatan, new Cancel(Staff.Rina, kegiatan.Version, "Batal."));
        events.AddRange(office.Events);

        var json = JsonSerializer.Serialize<IReadOnlyList<KegiatanEvent>>(events, SopJsonContext.Default.IReadOnlyListKegiatanEvent);
        Assert.Contains("\"type\":\"stepSentBack\"", json, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"anggotaTimKerja\"", json, StringComparison.Ordinal);
        var restored = JsonSerializer.Deserialize(json, SopJsonContext.Default.IReadOnlyListKegiatanEvent)!;

        Assert.Equal([typeof(StepSentBack), typeof(StepAssigned), typeof(Cancelled)], restored.Select(e => e.GetType()));
        var sentBack = (StepSentBack)restored[0];
        Assert.Equal(((StepSentBack)events[0]).Measurement, sentBack.Measurement);
        Assert.Equal((3, 2, "Perbaiki.", Staff.Budi), (sentBack.Step, sentBack.ReturnedTo, sentBack.Reason, sentBack.ReturnedToAssignee!.Id));
        Assert.Equal(json, JsonSerializer.Serialize(restored, SopJsonContext.Default.IReadOnlyListKegiatanEvent));
    }

    [Fact]
    public void A_definition_written_back_to_JSON_loads_as_the_same_definition()
    {
        var sop = SopCatalog.Embedded.Latest("fasilitasi-perijinan")!;
        var json = JsonSerializer.Serialize(sop, SopJsonContext.Default.SopDefinition);

        var reloaded = SopDefinitionLoader.Load("written.json", json);

        Assert.Empty(reloaded.Errors);
        Assert.Equal(json, JsonSerializer.Serialize(reloaded.Definition!, SopJsonContext.Default.SopDefinition));
    }
}
