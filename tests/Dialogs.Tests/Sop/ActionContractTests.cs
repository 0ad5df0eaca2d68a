using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Koperasi;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>The contract with the Bot layer: verbs, data and input ids exactly as the handlers read them.</summary>
public sealed class ActionContractTests
{
    public static TheoryData<string> Scenes { get; } = [.. SopScenes.All.Keys];

    [Theory]
    [MemberData(nameof(Scenes))]
    public void Every_Execute_sits_in_an_ActionSet_with_a_Submit_fallback_carrying_the_same_title_data_and_the_verb(string scene)
    {
        var card = SopScenes.All[scene](Typing.Normal);

        foreach (var execute in CardJson.OfType(card, "Action.Execute"))
        {
            var fallback = execute["fallback"]!.AsObject();
            Assert.Equal("Action.Submit", (string?)fallback["type"]);
            Assert.Equal((string?)execute["title"], (string?)fallback["title"]);
            var expected = execute["data"]!.DeepClone().AsObject();
            expected["verb"] = (string?)execute["verb"];
            Assert.True(JsonNode.DeepEquals(expected, fallback["data"]), $"{scene}: fallback data {fallback["data"]} differs from {expected}");
            Assert.Equal("ActionSet", (string?)execute.Parent?.Parent?["type"]);
        }

        Assert.Null(card["actions"]);
    }

    [Fact]
    public void The_scenes_do_exercise_every_verb_so_the_contract_check_is_not_vacuous()
    {
        var verbs = SopScenes.All.Values.SelectMany(build => CardJson.Verbs(build(Typing.Normal))).ToHashSet();

        Assert.Superset(new HashSet<string> { "sop.start", "sop.submit", "sop.approve", "sop.reject", "sop.execute", "sop.report", "sop.cancel", "sop.open" }, verbs);
    }

    [Theory]
    [InlineData(3, Staff.Rina)]
    [InlineData(6, Staff.Rina)]
    public void Decisions_carry_the_kegiatan_the_step_and_the_version_the_card_was_made_for(int step, string assignee)
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(step);

        var card = office.StepCardFor(kegiatan, assignee);

        Assert.All(CardJson.OfType(card, "Action.Execute"), execute =>
        {
            var data = execute["data"]!;
            Assert.Equal(("FAS-2026-0001", step, kegiatan.Version), ((string?)data["kegiatan"], (int?)data["step"], (int?)data["version"]));
            Assert.Equal(3, data.AsObject().Count);
        });
    }

    [Fact]
    public void Open_buttons_name_only_the_kegiatan()
    {
        var card = SopScenes.All["sop-tasks"](Typing.Normal);

        var opens = CardJson.OfType(card, "Action.Execute").ToList();
        Assert.Equal(3, opens.Count);
        Assert.All(opens, o => Assert.Equal(("sop.open", 1), ((string?)o["verb"], o["data"]!.AsObject().Count)));
        Assert.Equal(["FAS-2026-0001", "FAS-2026-0003", "FAS-2026-0002"], opens.Select(o => (string?)o["data"]!["kegiatan"]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Input_ids_are_the_kelengkapan_and_the_field_ids_of_the_step(int step)
    {
        var definition = SopOffice.Definition.Step(step);
        var assignee = new[] { Staff.Rina, Staff.Rina, Staff.Budi, Staff.Rina, Staff.Hendra, Staff.Siti, Staff.Rina, Staff.Budi }[step];
        var card = step == 1 ? new SopOffice().StartCardFor(Staff.Rina) : SopScenes.StepFor(Typing.Normal, step, assignee);

        var ids = CardJson.Inputs(card).Select(i => (string?)i["id"]).ToList();
        var expected = new List<string?> { "kelengkapan" };
        // A date and time is two pickers whose ids derive from the field's (DateTimeInput): "jadwal.date", "jadwal.time".
        // A koperasi list is one set of inputs per slot (KoperasiInput): "koperasi.1.nama" … "koperasi.5.cpTelepon".
        expected.AddRange(definition.Fields.SelectMany(f => f.Kind switch
        {
            FieldKind.Datetime => [f.Id + ".date", f.Id + ".time"],
            FieldKind.KoperasiList => Enumerable.Range(1, f.MaxItems!.Value).SelectMany(slot => KoperasiInput.Parts.Select(p => $"{f.Id}.{slot}.{p}")).ToArray(),
            // Results are asked per koperasi of the kegiatan (the scenes start with two): "hasilKoperasi.2.beritaAcara".
            FieldKind.KoperasiResults => Enumerable.Range(1, 2).SelectMany(slot => new[] { KoperasiResults.Hasil, KoperasiResults.Peserta, KoperasiResults.BeritaAcara }.Select(p => KoperasiResults.Id(f.Id, slot, p))).ToArray(),
            _ => new[] { f.Id },
        }));
        if (definition.IsDecision)
        {
            expected.Add("alasan");
        }

        Assert.Equal(expected, ids);
    }

    [Theory]
    [MemberData(nameof(Scenes))]
    public void Every_input_has_a_label_and_an_Indonesian_error_message_and_text_inputs_have_a_length_limit(string scene)
    {
        var card = SopScenes.All[scene](Typing.Normal);

        // The koperasi slots of the start form are the exception, to keep five of them under Teams' 28 KB: an optional input
        // without a pattern, which the client never refuses, has no message, and a digits-only input is bounded by its pattern.
        Assert.All(CardJson.Inputs(card), input =>
        {
            var id = (string)input["id"]!;
            var slot = id.StartsWith("koperasi.", StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace((string?)input["label"]), $"{id} has no label");
            if (!slot || input["isRequired"] is not null || input["regex"] is not null)
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)input["errorMessage"]), $"{id} has no error message");
            }

            if ((string?)input["type"] == "Input.Text")
            {
                Assert.True(input["maxLength"] is not null || (slot && input["regex"] is not null), $"{id} has no length limit");
            }
        });
    }

    [Fact]
    public void Required_fields_are_required_in_the_client_with_their_limits_from_the_definition()
    {
        var card = SopScenes.StepFor(Typing.Normal, 2, Staff.Budi);

        foreach (var field in SopOffice.Definition.Step(2).Fields)
        {
            var input = CardJson.Input(card, field.Kind == FieldKind.Datetime ? field.Id + ".date" : field.Id);
            Assert.Equal(field.Required ? true : null, (bool?)input["isRequired"]);
            if (field.Kind is FieldKind.Text or FieldKind.Multiline or FieldKind.UrlList)
            {
                Assert.Equal(field.MaxLength, (int?)input["maxLength"]);
            }
        }

        Assert.Equal("Materi substansi kegiatan wajib diisi, paling banyak 2.000 karakter.", (string?)CardJson.Input(card, "materiSubstansi")["errorMessage"]);
    }

    [Fact]
    public void Every_trigger_has_a_verb_that_maps_back_to_it()
    {
        Assert.All(Enum.GetValues<SopTrigger>(), trigger => Assert.Equal(trigger, SopVerbs.TriggerOf(SopVerbs.For(trigger))));
        Assert.Null(SopVerbs.TriggerOf(SopVerbs.Open));
        Assert.Null(SopVerbs.TriggerOf(SopVerbs.Start));
    }

    [Fact]
    public void No_form_field_takes_a_name_the_action_data_needs()
    {
        var fields = SopCatalog.Embedded.All.SelectMany(d => d.Steps).SelectMany(s => s.Fields).Select(f => f.Id).ToList();

        Assert.NotEmpty(fields);
        Assert.DoesNotContain(fields, SopVerbs.Reserved.Contains);
    }
}
