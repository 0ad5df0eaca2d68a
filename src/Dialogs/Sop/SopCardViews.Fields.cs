using System.Globalization;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Sop;

public sealed partial class SopCardViews
{
    /// <summary>One or more http(s) links separated by line breaks or spaces.</summary>
    internal const string LinksRegex = @"^\s*https?://\S+(\s+https?://\S+)*\s*$";

    /// <summary>
    /// The inputs of a step: the kelengkapan ticks, then one input per field, pre-filled with the draft (just submitted) or
    /// what is stored. <paramref name="clientRequired"/> is false on decision steps: Tidak's reason lives in a ShowCard whose
    /// button also collects and validates these inputs (associatedInputs "auto"), so an isRequired here would block a Tidak.
    /// There a field the SOP requires says "wajib untuk Setuju" in its label and the engine refuses a Setuju without it.
    /// A field that starts from an earlier step's plan (<c>prefillFrom</c>) shows that value until the step has its own.
    /// </summary>
    private List<InputView> Inputs(StepDefinition step, StepData? stored, IReadOnlyDictionary<string, string?>? draft, bool clientRequired, Kegiatan? kegiatan = null)
    {
        var inputs = new List<InputView>();
        if (step.Checklist.Count > 0)
        {
            var ticked = Draft(draft, SopVerbs.KelengkapanInput, out var typed) ? typed : stored is null ? null : string.Join(',', stored.Checklist);
            inputs.Add(new InputView(
                SopVerbs.KelengkapanInput,
                "Kelengkapan (centang yang sudah tersedia)",
                InputKind.MultiChoice,
                Required: false,
                step.ChecklistRequired ? "Centang semua kelengkapan sebelum melanjutkan." : "Centang kelengkapan yang tersedia.",
                ticked,
                Choices: [.. step.Checklist.Select(i => new ChoiceView(i.Id, i.Label))]));
        }

        foreach (var field in step.Fields)
        {
            var storedValue = stored is null
                ? field.PrefillFrom is { } from ? kegiatan?.Value(from) : null
                : stored.Values.GetValueOrDefault(field.Id);
            if (field.Kind == FieldKind.KoperasiList)
            {
                inputs.AddRange(KoperasiInputs(field, step, storedValue, draft, clientRequired));
                continue;
            }

            if (field.Kind == FieldKind.KoperasiResults)
            {
                inputs.AddRange(KoperasiResultInputs(field, storedValue, draft, clientRequired, kegiatan));
                continue;
            }

            if (field.Kind == FieldKind.Datetime)
            {
                inputs.AddRange(DateTimePickers(field.Id, field.Label, field.Required && clientRequired, PickerValues(field.Id, storedValue, draft)));
                continue;
            }

            var value = Draft(draft, field.Id, out var typed) ? typed : storedValue;
            var input = Input(field, value, field.Required && clientRequired);
            inputs.Add(field.Required && !clientRequired
                ? input with { Label = SopPhrases.RequiredForSetuju(input.Label), ErrorMessage = SopPhrases.RequiredForSetujuError(field.Label, field.MaxLength) }
                : input);
        }

        return inputs;
    }

    internal static InputView AlasanInput(string label, IReadOnlyDictionary<string, string?>? draft) => new(
        SopVerbs.AlasanInput,
        label,
        InputKind.Multiline,
        Required: true,
        $"Alasan wajib diisi, paling banyak {WibFormat.Number(SopVerbs.MaxAlasanLength)} karakter.",
        Draft(draft, SopVerbs.AlasanInput, out var typed) ? typed : null,
        MaxLength: SopVerbs.MaxAlasanLength);

    private InputView Input(FieldDefinition field, string? value, bool required)
    {
        var max = field.MaxLength is int m ? $"paling banyak {WibFormat.Number(m)} karakter" : null;
        string Message(string what) => required ? $"{field.Label} wajib diisi{what}." : $"{field.Label}{what}.";
        var limit = max is null ? "" : (required ? ", " : " ") + max;
        return field.Kind switch
        {
            FieldKind.Text => new(field.Id, field.Label, InputKind.Text, required, Message(limit), value, field.MaxLength, Placeholder: field.Hint),
            FieldKind.Multiline => new(field.Id, field.Label, InputKind.Multiline, required, Message(limit), value, field.MaxLength, Placeholder: field.Hint),
            FieldKind.UrlList => new(field.Id, field.Label, InputKind.Multiline, required,
                $"{field.Label}: setiap baris harus tautan yang diawali http:// atau https://{(max is null ? "" : ", " + max)}.",
                value, field.MaxLength, Regex: LinksRegex, Placeholder: field.Hint ?? "https://…"),
            FieldKind.Number => new(field.Id, field.Label, InputKind.Number, required,
                $"{field.Label} harus bilangan bulat{Range(field)}.", value, Min: field.Min, Max: field.Max, Placeholder: field.Hint),
            FieldKind.Date => new(field.Id, field.Label, InputKind.Date, required, Message(""), value, Placeholder: field.Hint),
            FieldKind.Choice => new(field.Id, field.Label, InputKind.Choice, required, $"{field.Label} wajib dipilih.", value,
                Placeholder: "Pilih…", Choices: [.. field.Choices.Select(c => new ChoiceView(c.Value, c.Label))]),
            FieldKind.Checklist => new(field.Id, field.Label, InputKind.MultiChoice, required, $"{field.Label}: centang pilihan yang sesuai.", value,
                Choices: [.. field.Choices.Select(c => new ChoiceView(c.Value, c.Label))]),
            FieldKind.Person => new(field.Id, field.Label, InputKind.Choice, required, $"{field.Label} wajib dipilih.", value,
                Placeholder: "Pilih…", Choices: People(field, value)),
            _ => new(field.Id, field.Label, InputKind.Text, required, Message(limit), value, field.MaxLength),
        };
    }

    /// <summary>The data of every step that has some, as the people after it need to read it (typed text cut for display).</summary>
    private List<DataSection> DataSections(Kegiatan kegiatan, SopDefinition definition, int? skipStep)
    {
        var sections = new List<DataSection>();
        foreach (var step in definition.Steps)
        {
            if (step.Number == skipStep || !kegiatan.Data.TryGetValue(step.Number, out var data))
            {
                continue;
            }

            var items = step.Fields
                .Where(f => InData(f) && data.Values.ContainsKey(f.Id))
                .Select(f => new LabelledValue(f.Label, Shown(f, data.Values[f.Id], EarlierTextLimit, kegiatan)))
                .ToList();
            if (items.Count > 0)
            {
                sections.Add(new DataSection($"{SopPhrases.Step(step)} · {SopPhrases.Who(data.By)} · {WibFormat.DateTime(data.At)}", items));
            }
        }

        return sections;
    }

    /// <summary>A stored (normalised) value as a person reads it.</summary>
    internal ShownValue Shown(FieldDefinition field, string value, int limit, Kegiatan? kegiatan = null)
    {
        switch (field.Kind)
        {
            case FieldKind.KoperasiList:
                // In earlier steps' data each koperasi is cut on its own, so a long first one never hides the next (the step-7
                // card must stay under 28 KB); the riwayat and the notices show everything.
                return limit <= EarlierTextLimit
                    ? ShownValue.Typed(KoperasiDetail(field, value, kegiatan?.Value("jenisFasilitasi"), KoperasiDetailLimit), int.MaxValue)
                    : ShownValue.Typed(KoperasiDetail(field, value, kegiatan?.Value("jenisFasilitasi")), limit);
            case FieldKind.KoperasiResults:
                return ShownValue.Typed(KoperasiResultLines(field, value), limit);
            case FieldKind.UrlList:
                return new ShownValue(value, ValueKind.Links, limit);
            case FieldKind.Number when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                return ShownValue.Fixed(WibFormat.Number(number));
            case FieldKind.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return ShownValue.Fixed(WibFormat.Date(date));
            case FieldKind.Datetime when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at):
                return ShownValue.Fixed(WibFormat.DateTime(at));
            case FieldKind.Choice when field.Choices.FirstOrDefault(c => c.Value == value) is { } choice:
                return ShownValue.Fixed(choice.Label);
            case FieldKind.Checklist when value.Split(',').All(v => field.Choices.Any(c => c.Value == v)):
                return ShownValue.Fixed(string.Join(", ", field.Choices.Where(c => value.Split(',').Contains(c.Value)).Select(c => c.Label)));
            case FieldKind.Person when _nameOf(value) is { } name:
                return ShownValue.Fixed(name);
            default:
                return ShownValue.Typed(value, limit);
        }
    }

    private List<ChoiceView> People(FieldDefinition field, string? value)
    {
        var people = field.Role is { } role ? _holdersOf(role).Select(p => new ChoiceView(p.Id, p.Name)).ToList() : [];
        if (!string.IsNullOrEmpty(value) && !people.Exists(p => string.Equals(p.Value, value, StringComparison.OrdinalIgnoreCase)) && _nameOf(value) is { } name)
        {
            people.Add(new ChoiceView(value, name));
        }

        return people;
    }

    private static string Range(FieldDefinition field) => (field.Min, field.Max) switch
    {
        (int min, int max) => $" antara {WibFormat.Number(min)} dan {WibFormat.Number(max)}",
        (int min, null) => $" paling kecil {WibFormat.Number(min)}",
        (null, int max) => $" paling besar {WibFormat.Number(max)}",
        _ => "",
    };

    private static bool Draft(IReadOnlyDictionary<string, string?>? draft, string id, out string? value)
    {
        value = null;
        return draft is not null && draft.TryGetValue(id, out value);
    }
}
