using System.Text.Json.Nodes;
using PerijinanBot.Sop.Definitions;

namespace PerijinanBot.Sop.Tests.Definitions;

/// <summary>Which SOP a new kegiatan starts on is the catalog's to say, from the data: no code names an SOP id.</summary>
public sealed class CatalogDefaultTests
{
    private static readonly string _real = EmbeddedResources.ReadText(typeof(SopCatalog).Assembly, "PerijinanBot.Sop.Definitions.fasilitasi-perijinan.v1.json");
    private static readonly string _other = EmbeddedResources.ReadText(typeof(CatalogDefaultTests).Assembly, "PerijinanBot.Sop.Tests.Definitions.penerbitan-surat-tugas.v1.json");

    [Fact]
    public void The_shipped_catalog_starts_kegiatan_on_the_facilitation_SOP()
    {
        Assert.Same(SopCatalog.Embedded.Latest("fasilitasi-perijinan"), SopCatalog.Embedded.Default);
        Assert.True(SopCatalog.Embedded.Default.IsDefault);
    }

    [Fact]
    public void A_catalog_of_one_SOP_needs_no_mark()
    {
        var catalog = SopCatalog.Load([new("other.json", _other)]);
        Assert.Equal("penerbitan-surat-tugas", catalog.Default.Id);
        Assert.False(catalog.Default.IsDefault);
    }

    [Fact]
    public void With_several_SOPs_the_marked_one_is_the_default_in_its_latest_version()
    {
        var v2 = With(_real, sop => sop["version"] = 2);
        var catalog = SopCatalog.Load([new("other.json", _other), new("v1.json", _real), new("v2.json", v2)]);
        Assert.Equal(("fasilitasi-perijinan", 2), (catalog.Default.Id, catalog.Default.Version));
    }

    [Fact]
    public void Several_SOPs_and_no_default_stop_the_start()
    {
        var unmarked = With(_real, sop => sop.AsObject().Remove("default"));
        var error = Assert.Throws<SopDefinitionException>(() => SopCatalog.Load([new("other.json", _other), new("real.json", unmarked)]));
        Assert.Equal(
            ["2 SOPs (penerbitan-surat-tugas, fasilitasi-perijinan) and none is the default: add \"default\": true to the latest version of the one a new kegiatan starts on."],
            error.Errors);
    }

    [Fact]
    public void Two_defaults_stop_the_start()
    {
        var marked = With(_other, sop => sop["default"] = true);
        var error = Assert.Throws<SopDefinitionException>(() => SopCatalog.Load([new("real.json", _real), new("other.json", marked)]));
        Assert.Equal(["Only one SOP may say \"default\": true; fasilitasi-perijinan v1 and penerbitan-surat-tugas v1 both do."], error.Errors);
    }

    [Fact]
    public void A_default_older_version_does_not_count_when_the_latest_drops_the_mark()
    {
        var v2 = With(_real, sop =>
        {
            sop["version"] = 2;
            sop.AsObject().Remove("default");
        });
        var error = Assert.Throws<SopDefinitionException>(() => SopCatalog.Load([new("other.json", _other), new("v1.json", _real), new("v2.json", v2)]));
        Assert.Contains("none is the default", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    private static string With(string json, Action<JsonNode> change)
    {
        var sop = JsonNode.Parse(json, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        change(sop);
        return sop.ToJsonString();
    }
}
