using System.Text.Json.Nodes;
using PerijinanBot.Sop.Definitions;

namespace PerijinanBot.Sop.Tests.Definitions;

/// <summary>Broken definition files are refused at load with every problem listed, in English, with where it is.</summary>
public sealed class DefinitionValidationTests
{
    private static readonly string _realJson = EmbeddedResources.ReadText(typeof(SopCatalog).Assembly, "PerijinanBot.Sop.Definitions.fasilitasi-perijinan.v1.json");

    [Fact]
    public void The_real_definition_is_valid()
    {
        var result = SopDefinitionLoader.Load("real.json", _realJson);
        Assert.Empty(result.Errors);
        Assert.NotNull(result.Definition);
    }

    [Fact]
    public void An_unknown_role_is_reported()
    {
        var errors = Broken(sop => sop["steps"]![4]!["role"] = "kadis");
        Assert.Contains("broken.json: step 5.role: unknown role 'kadis'. Known roles: anggotaTimKerja, ketuaTimKerja, kepalaBidang, kepalaDinas.", errors);
    }

    [Fact]
    public void A_role_not_declared_in_the_definition_is_reported()
    {
        var errors = Broken(sop => sop["roles"]!.AsArray().RemoveAt(3));
        Assert.Contains(errors, e => e.Contains("step 5.role: role 'kepalaDinas' is not declared in roles.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("roles[2].superior: role 'kepalaDinas' is not declared", StringComparison.Ordinal));
    }

    [Fact]
    public void A_route_to_a_missing_step_is_reported()
    {
        var errors = Broken(sop =>
        {
            sop["steps"]![2]!["sendBackTo"] = 9;
            sop["steps"]![1]!["next"] = 12;
        });
        Assert.Contains("broken.json: step 3: sendBackTo routes to step 9, which does not exist.", errors);
        Assert.Contains("broken.json: step 2: next routes to step 12, which does not exist.", errors);
    }

    [Fact]
    public void Duplicate_step_numbers_are_reported()
    {
        var errors = Broken(sop => sop["steps"]![4]!["number"] = 4);
        Assert.Contains(errors, e => e.Contains("steps[4]: duplicate step number 4.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_id_used_twice_is_reported()
    {
        var errors = Broken(sop => sop["steps"]![2]!["fields"]![0]!["id"] = "judul");
        Assert.Contains(errors, e => e.Contains("step 3.fields[0]: field id 'judul' is already used at step 1.fields[1]", StringComparison.Ordinal));
    }

    [Fact]
    public void An_outgoing_letter_with_a_bad_id_an_unknown_field_or_a_duplicate_document_is_reported()
    {
        var errors = Broken(sop =>
        {
            sop["steps"]![4]!["suratKeluar"]!["perihal"] = "Disposisi {tidakAda}";
            sop["steps"]![6]!["suratKeluar"]!["document"] = "undangan";
            sop["steps"]![3]!["suratKeluar"] = JsonNode.Parse("""{"document": "Nota-1", "perihal": "", "tujuan": " "}""");
        });
        Assert.Contains("broken.json: step 5.suratKeluar.perihal names unknown field '{tidakAda}'.", errors);
        Assert.Contains("broken.json: step 7.suratKeluar.document 'undangan' is used by another step.", errors);
        Assert.Contains("broken.json: step 4.suratKeluar.document must be 1-20 lowercase letters, got 'Nota-1'.", errors);
        Assert.Contains("broken.json: step 4.suratKeluar.perihal is required (at most 200 characters).", errors);
        Assert.Contains("broken.json: step 4.suratKeluar.tujuan is required (at most 200 characters).", errors);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_waktu_of_zero_or_less_is_reported(int amount)
    {
        var errors = Broken(sop => sop["steps"]![1]!["waktu"]!["amount"] = amount);
        Assert.Contains($"broken.json: step 2: waktu must be more than 0, got {amount}.", errors);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = Broken(sop =>
        {
            sop["id"] = "Fasilitasi Perijinan";
            sop["steps"]![4]!["role"] = "kadis";
            sop["steps"]![2]!["sendBackTo"] = 9;
            sop["steps"]![3]!["sendBackTo"] = null;
            sop["steps"]![1]!["waktu"]!["amount"] = 0;
            sop["steps"]![2]!["fields"]![0]!["id"] = "judul";
            sop["steps"]![2]!["fields"]![0]!["maxLength"] = null;
            sop["steps"]![6]!["assignment"]!["field"] = "ketua";
            sop["steps"]![5]!["clockStartsAtField"] = "tempat";
            sop["steps"]![6]!["next"] = 6;
            sop["roles"]![3]!["superior"] = "anggotaTimKerja";
            sop["cancelBy"] = new JsonArray();
        });

        string[] expected =
        [
            "id 'Fasilitasi Perijinan' must be lower-case words",
            "step 5.role: unknown role 'kadis'",
            "step 3: sendBackTo routes to step 9, which does not exist.",
            "step 4: a decision step needs sendBackTo",
            "step 2: waktu must be more than 0",
            "field id 'judul' is already used",
            "step 3.fields[0]: a multiline field needs maxLength",
            "step 7.assignment: rule 'assignedAtStart' needs \"field\" naming a person field of the start step, got 'ketua'.",
            "step 6: clockStartsAtField 'tempat' must be a datetime field of an earlier step.",
            "step 7: next must route forward, got step 6.",
            "steps: no step ends the kegiatan",
            "roles: the superior chain from",
            "cancelBy must name at least one role",
        ];
        foreach (var text in expected)
        {
            Assert.Contains(errors, e => e.Contains(text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_prefill_from_a_later_step_or_another_kind_and_a_change_reason_that_is_required_or_missing_are_refused()
    {
        // Step 6's fields: waktuPelaksanaan (datetime), tempatPelaksanaan (text), alasanPerubahan, catatanPelaksanaan.
        var errors = Broken(sop =>
        {
            sop["steps"]![5]!["fields"]![0]!["prefillFrom"] = "tempat";
            sop["steps"]![5]!["fields"]![1]!["prefillFrom"] = "ringkasanHasil";
            sop["steps"]![5]!["fields"]![1]!["changeReason"] = "tidakAda";
            sop["steps"]![5]!["fields"]![2]!["changeReason"] = "catatanPelaksanaan";
        });

        Assert.Contains("broken.json: step 6 field 'waktuPelaksanaan': prefillFrom 'tempat' must be a datetime field of an earlier step.", errors);
        Assert.Contains("broken.json: step 6 field 'tempatPelaksanaan': prefillFrom 'ringkasanHasil' must be a text field of an earlier step.", errors);
        Assert.Contains("broken.json: step 6 field 'tempatPelaksanaan': changeReason 'tidakAda' must be another text or multiline field of this step that is not required.", errors);
        Assert.Contains("broken.json: step 6 field 'alasanPerubahan': changeReason needs prefillFrom (a change is measured against the earlier value).", errors);
    }

    [Fact]
    public void Structural_rules_of_the_step_table_are_enforced()
    {
        var errors = Broken(sop =>
        {
            sop["steps"]![0]!["kind"] = "form";
            sop["steps"]![1]!["sendBackTo"] = 1;
            sop["steps"]![2]!["assignment"] = JsonNode.Parse("""{ "rule": "starter" }""");
            sop["steps"]![3]!["assignment"] = JsonNode.Parse("""{ "rule": "starter" }""");
            sop["steps"]![2]!["checklist"] = new JsonArray();
            sop["steps"]![3]!["fields"] = JsonNode.Parse("""[{ "id": "kepada", "label": "Kepada", "kind": "person", "role": "kepalaDinas" }]""");
        });

        Assert.Contains(errors, e => e.Contains("step 1: the first step must be of kind 'start'.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("step 2: only decision steps have sendBackTo.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("step 4.assignment: rule 'starter' picks the person who started the kegiatan (ketuaTimKerja), not a kepalaBidang.", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("step 3.assignment", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("step 3: checklistRequired is true but the checklist is empty.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("step 4.fields[0]: person fields are only supported in the start step.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_koperasi_list_needs_its_jenis_choices_a_slot_count_and_a_wilayah_field_of_its_step()
    {
        var errors = Broken(sop =>
        {
            var field = sop["steps"]![0]!["fields"]![2]!;
            field["maxItems"] = 0;
            field["wilayahFrom"] = "jadwal";
            field["choices"] = new JsonArray();
        });

        Assert.Contains(errors, e => e.Contains("step 1.fields[2]: a koperasilist field needs choices.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("step 1.fields[2]: a koperasiList field needs maxItems between 1 and 10.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("step 1.fields[2]: wilayahFrom 'jadwal' must name a choice field of the same step.", StringComparison.Ordinal));
    }

    [Fact]
    public void Results_per_koperasi_need_their_hasil_choices_limits_and_a_koperasi_list_before_them()
    {
        var errors = Broken(sop =>
        {
            var field = sop["steps"]![6]!["fields"]![1]!;
            field["choices"] = new JsonArray();
            field["maxLength"] = 0;
            sop["steps"]![0]!["fields"]![2]!["kind"] = "text";
            sop["steps"]![0]!["fields"]![2]!["maxLength"] = 200;
            sop["steps"]![0]!["fields"]!.AsArray().Add(JsonNode.Parse("""{ "id": "hasilAwal", "label": "Hasil", "kind": "koperasiResults", "max": 10, "maxLength": 10, "choices": [{ "value": "a", "label": "A" }] }"""));
        });

        Assert.Contains(errors, e => e.Contains("step 7.fields[1]: a koperasiresults field needs choices.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("step 7.fields[1]: a koperasiResults field needs maxLength (the berita acara number) and max (the participants), each 1 or more.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("step 7 field 'hasilKoperasi': a koperasiResults field needs a koperasiList field in an earlier step.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("a koperasiResults field reports on the koperasi of an earlier step, so it cannot be in the start step.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_step_no_route_reaches_is_reported()
    {
        var errors = Broken(sop =>
        {
            sop["steps"]![4]!["next"] = 7;
            sop["steps"]![6]!["sendBackTo"] = null;
        });
        Assert.Contains("broken.json: step 6 cannot be reached from step 1.", errors);
    }

    [Fact]
    public void A_misspelt_property_is_refused_with_its_place_in_the_file()
    {
        var errors = Broken(sop => sop["steps"]![0]!["kelengkapn"] = "Disposisi");
        var error = Assert.Single(errors);
        Assert.StartsWith("broken.json: invalid JSON at $.steps[0].kelengkapn", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_waktu_unit_is_refused_with_its_place_in_the_file()
    {
        var errors = Broken(sop => sop["steps"]![0]!["waktu"]!["unit"] = "menit");
        var error = Assert.Single(errors);
        Assert.StartsWith("broken.json: invalid JSON at $.steps[0].waktu.unit", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_refuses_two_files_for_the_same_id_and_version_and_names_both()
    {
        var error = Assert.Throws<SopDefinitionException>(() => SopCatalog.Load([new("a.json", _realJson), new("b.json", _realJson)]));
        Assert.Equal(["b.json: fasilitasi-perijinan v1 is already defined in a.json."], error.Errors);
    }

    [Fact]
    public void A_catalog_with_a_broken_file_fails_with_all_its_problems()
    {
        var broken = Mutate(sop =>
        {
            sop["steps"]![4]!["role"] = "kadis";
            sop["steps"]![1]!["waktu"]!["amount"] = 0;
        });
        var error = Assert.Throws<SopDefinitionException>(() => SopCatalog.Load([new("broken.json", broken)]));
        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("kadis", error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Broken(Action<JsonNode> change)
    {
        var result = SopDefinitionLoader.Load("broken.json", Mutate(change));
        Assert.Null(result.Definition);
        Assert.NotEmpty(result.Errors);
        return result.Errors;
    }

    private static string Mutate(Action<JsonNode> change)
    {
        var sop = JsonNode.Parse(_realJson)!;
        change(sop);
        return sop.ToJsonString();
    }
}
