using System.Text.RegularExpressions;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Definitions;

/// <summary>Checks the step table: numbering, routes, assignment rules, checklists and form fields.</summary>
internal static partial class StepValidator
{
    public static void Validate(IReadOnlyList<StepDefinition> steps, IReadOnlySet<Role> declared, List<string> errors)
    {
        if (steps.Count < 2)
        {
            errors.Add("steps must list at least two steps: a start step and one more.");
            if (steps.Count == 0)
            {
                return;
            }
        }

        var numbers = CheckNumbering(steps, errors);
        var fieldOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var where = $"step {step.Number}";
            CheckBasics(step, i, where, declared, errors);
            CheckRoutes(step, numbers, where, errors);
            CheckChecklist(step, where, errors);
            foreach (var (field, f) in (step.Fields ?? []).Select((x, f) => (x, f)))
            {
                FieldValidator.Check(field, $"{where}.fields[{f}]", i == 0, declared, fieldOwners, errors);
            }

            if (RoleText.TryParse(step.RoleName, out var role) && step.Assignment is not null)
            {
                if (i == 0 && step.Assignment.Rule != AssignmentRule.Starter)
                {
                    errors.Add($"{where}: the start step's assignment rule must be 'starter'.");
                }

                CheckRule(steps, role, step.Assignment.Rule, step.Assignment.Field, $"{where}.assignment", errors);
            }
            else if (step.Assignment is null)
            {
                errors.Add($"{where}: assignment is required.");
            }
        }

        for (var i = 0; i < steps.Count; i++)
        {
            CheckClockStart(steps, i, errors);
        }

        CheckSuratKeluar(steps, fieldOwners, errors);

        if (!steps.Any(s => s.Next is null))
        {
            errors.Add("steps: no step ends the kegiatan (one needs \"next\": null).");
        }

        CheckReachable(steps, numbers, errors);
    }

    /// <summary>Checks that an assignment rule can pick a person holding <paramref name="role"/>.</summary>
    public static void CheckRule(IReadOnlyList<StepDefinition> steps, Role role, AssignmentRule rule, string? field, string where, List<string> errors)
    {
        var start = steps.Count > 0 ? steps[0] : null;
        switch (rule)
        {
            case AssignmentRule.Starter when start is not null && RoleText.TryParse(start.RoleName, out var startRole) && startRole != role:
                errors.Add($"{where}: rule 'starter' picks the person who started the kegiatan ({RoleText.CamelCase(startRole)}), not a {RoleText.CamelCase(role)}.");
                break;
            case AssignmentRule.AssignedAtStart:
                var person = (start?.Fields ?? []).FirstOrDefault(f => f.Id == field);
                if (person is null || person.Kind != FieldKind.Person)
                {
                    errors.Add($"{where}: rule 'assignedAtStart' needs \"field\" naming a person field of the start step, got '{field}'.");
                }
                else if (RoleText.TryParse(person.RoleName, out var fieldRole) && fieldRole != role)
                {
                    errors.Add($"{where}: field '{field}' picks a {person.RoleName}, not a {RoleText.CamelCase(role)}.");
                }

                break;
            case AssignmentRule.RoleHolder or AssignmentRule.Starter:
                break;
            default:
                errors.Add($"{where}: unknown assignment rule.");
                break;
        }
    }

    private static HashSet<int> CheckNumbering(IReadOnlyList<StepDefinition> steps, List<string> errors)
    {
        var numbers = new HashSet<int>();
        for (var i = 0; i < steps.Count; i++)
        {
            var number = steps[i].Number;
            if (number < 1)
            {
                errors.Add($"steps[{i}]: number must be 1 or more, got {number}.");
            }
            else if (!numbers.Add(number))
            {
                errors.Add($"steps[{i}]: duplicate step number {number}.");
            }
            else if (i > 0 && number < steps[i - 1].Number)
            {
                errors.Add($"steps[{i}]: step {number} is listed after step {steps[i - 1].Number}; list steps in ascending order.");
            }
        }

        if (steps[0].Kind != StepKind.Start)
        {
            errors.Add($"step {steps[0].Number}: the first step must be of kind 'start'.");
        }

        foreach (var extra in steps.Skip(1).Where(s => s.Kind == StepKind.Start))
        {
            errors.Add($"step {extra.Number}: only the first step may be of kind 'start'.");
        }

        return numbers;
    }

    private static void CheckBasics(StepDefinition step, int index, string where, IReadOnlySet<Role> declared, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(step.Title))
        {
            errors.Add($"{where}: title is required.");
        }

        if (string.IsNullOrWhiteSpace(step.Activity))
        {
            errors.Add($"{where}: activity is required (the SOP's text for this step).");
        }

        if (!Enum.IsDefined(step.Kind))
        {
            errors.Add($"{where}: unknown kind.");
        }

        DefinitionValidator.CheckRoleName(step.RoleName, declared, $"{where}.role", errors);
        if (step.Waktu is null || step.Waktu.Amount <= 0)
        {
            errors.Add($"{where}: waktu must be more than 0, got {step.Waktu?.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}.");
        }
        else if (!Enum.IsDefined(step.Waktu.Unit))
        {
            errors.Add($"{where}: waktu.unit must be minutes, hours or workingDays.");
        }

        if (index == 0 && step.Next is null)
        {
            errors.Add($"{where}: the start step needs a next step.");
        }
    }

    private static void CheckRoutes(StepDefinition step, HashSet<int> numbers, string where, List<string> errors)
    {
        if (step.Next is int next)
        {
            if (!numbers.Contains(next))
            {
                errors.Add($"{where}: next routes to step {next}, which does not exist.");
            }
            else if (next <= step.Number)
            {
                errors.Add($"{where}: next must route forward, got step {next}.");
            }
        }

        if (step.Kind == StepKind.Decision)
        {
            if (step.SendBackTo is not int back)
            {
                errors.Add($"{where}: a decision step needs sendBackTo (where Tidak returns to).");
            }
            else if (!numbers.Contains(back))
            {
                errors.Add($"{where}: sendBackTo routes to step {back}, which does not exist.");
            }
            else if (back >= step.Number)
            {
                errors.Add($"{where}: sendBackTo must return to an earlier step, got step {back}.");
            }
        }
        else if (step.SendBackTo is not null)
        {
            errors.Add($"{where}: only decision steps have sendBackTo.");
        }
    }

    private static void CheckChecklist(StepDefinition step, string where, List<string> errors)
    {
        var items = step.Checklist ?? [];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i].Id) || string.IsNullOrWhiteSpace(items[i].Label))
            {
                errors.Add($"{where}.checklist[{i}] needs both id and label.");
            }
            else if (!ids.Add(items[i].Id))
            {
                errors.Add($"{where}.checklist[{i}]: id '{items[i].Id}' is used twice in this step.");
            }
        }

        if (step.ChecklistRequired && items.Count == 0)
        {
            errors.Add($"{where}: checklistRequired is true but the checklist is empty.");
        }
    }

    private static void CheckClockStart(IReadOnlyList<StepDefinition> steps, int index, List<string> errors)
    {
        var step = steps[index];
        if (step.ClockStartsAtField is not { } fieldId)
        {
            return;
        }

        var source = steps.Take(index).SelectMany(s => s.Fields ?? []).FirstOrDefault(f => f.Id == fieldId);
        if (source is null || source.Kind != FieldKind.Datetime)
        {
            errors.Add($"step {step.Number}: clockStartsAtField '{fieldId}' must be a datetime field of an earlier step.");
        }
    }

    private static void CheckReachable(IReadOnlyList<StepDefinition> steps, HashSet<int> numbers, List<string> errors)
    {
        var byNumber = steps.GroupBy(s => s.Number).ToDictionary(g => g.Key, g => g.First());
        var reached = new HashSet<int>();
        var queue = new Queue<int>([steps[0].Number]);
        while (queue.TryDequeue(out var number))
        {
            if (!reached.Add(number) || !byNumber.TryGetValue(number, out var step))
            {
                continue;
            }

            foreach (var target in new[] { step.Next, step.SendBackTo })
            {
                if (target is int t && numbers.Contains(t))
                {
                    queue.Enqueue(t);
                }
            }
        }

        foreach (var unreachable in steps.Where(s => !reached.Contains(s.Number)))
        {
            errors.Add($"step {unreachable.Number} cannot be reached from step {steps[0].Number}.");
        }
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    internal static partial Regex FieldIdPattern();

    private static void CheckSuratKeluar(IReadOnlyList<StepDefinition> steps, Dictionary<string, string> fieldOwners, List<string> errors)
    {
        var documents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (step.SuratKeluar is not { } surat)
            {
                continue;
            }

            var where = $"step {step.Number}.suratKeluar";
            if (step.Kind is not (StepKind.Decision or StepKind.Report or StepKind.Form or StepKind.Execution))
            {
                errors.Add($"{where}: the start step cannot produce an outgoing letter.");
            }

            if (!DocumentId().IsMatch(surat.Document))
            {
                errors.Add($"{where}.document must be 1-20 lowercase letters, got '{surat.Document}'.");
            }
            else if (!documents.Add(surat.Document))
            {
                errors.Add($"{where}.document '{surat.Document}' is used by another step.");
            }

            if (string.IsNullOrWhiteSpace(surat.Perihal) || surat.Perihal.Length > 200)
            {
                errors.Add($"{where}.perihal is required (at most 200 characters).");
            }

            foreach (var field in surat.PerihalFields().Where(f => !fieldOwners.ContainsKey(f)))
            {
                errors.Add($"{where}.perihal names unknown field '{{{field}}}'.");
            }

            if (string.IsNullOrWhiteSpace(surat.Tujuan) || surat.Tujuan.Length > 200)
            {
                errors.Add($"{where}.tujuan is required (at most 200 characters).");
            }
        }
    }

    [GeneratedRegex("^[a-z]{1,20}$")]
    private static partial Regex DocumentId();
}
