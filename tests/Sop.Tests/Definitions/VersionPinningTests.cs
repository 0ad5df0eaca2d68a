using System.Text.Json.Nodes;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Tests.Support;

namespace PerijinanBot.Sop.Tests.Definitions;

/// <summary>A kegiatan stays on the definition version it started with, even after a new version ships.</summary>
public sealed class VersionPinningTests
{
    private static readonly string _v1 = EmbeddedResources.ReadText(typeof(SopCatalog).Assembly, "PerijinanBot.Sop.Definitions.fasilitasi-perijinan.v1.json");

    [Fact]
    public void A_running_kegiatan_keeps_its_version_while_new_ones_start_on_the_latest()
    {
        var v2 = JsonNode.Parse(_v1)!;
        v2["version"] = 2;
        v2["steps"]![2]!["waktu"]!["amount"] = 30;
        var both = SopCatalog.Load([new("v1.json", _v1), new("v2.json", v2.ToJsonString())]);

        var before = new Office(catalog: SopCatalog.Load([new("v1.json", _v1)]));
        var running = before.WalkTo(2);

        var after = new Office(catalog: both);
        Assert.Equal(2, both.Latest(Office.Sop)!.Version);
        running = after.Accept(running, new SubmitData(Staff.Budi, 2, running.Version, Forms.Data()));
        Assert.Equal(1, running.DefinitionVersion);
        Assert.Equal(TimeSpan.FromMinutes(15), running.Current!.StandardWorkingTime);

        var fresh = after.Start(number: "FAS-2026-0002");
        Assert.Equal(2, fresh.DefinitionVersion);
        fresh = after.Accept(fresh, new SubmitData(Staff.Budi, 2, fresh.Version, Forms.Data()));
        Assert.Equal(TimeSpan.FromMinutes(30), fresh.Current!.StandardWorkingTime);
    }

    [Fact]
    public void A_kegiatan_whose_version_is_no_longer_shipped_is_refused_not_guessed()
    {
        var running = new Office().WalkTo(2) with { DefinitionVersion = 7 };
        var office = new Office();
        var refusal = office.Refuse(running, new SubmitData(Staff.Budi, 2, running.Version, Forms.Data()), RefusalCode.UnknownDefinition);
        Assert.Contains("fasilitasi-perijinan versi 7", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(office.Engine.PermittedActions(running, Staff.Budi, office.Staffing));
    }
}
