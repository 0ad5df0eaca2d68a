using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Definitions;

/// <summary>
/// Checks the step table as a whole: numbering, routes, reachability, assignment rules and clock starts. What each step says
/// (title, role, waktu, checklist, letter) is checked by <see cref="StepContentValidator"/>, its form fields by <see cref="FieldValidator"/>.
/// </summary>
internal static class StepValidator
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
            StepContentValidator.CheckBasics(step, i, where, declared, errors);
            CheckRoutes(step, numbers, where, errors);
            StepContentValidator.CheckChecklist(step, where, errors);
            foreach (var (field, f) in (step.Fields ?? []).Select((x, f) => (x, f)))
            {
                FieldValidator.Check(field, step, $"{where}.fields[{f}]", i == 0, declared, fieldOwners, errors);
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
            CheckPrefill(steps, i, errors);
        }

        StepContentValidator.CheckSuratKeluar(steps, fieldOwners, errors);

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

    // prefillFrom names a field of an earlier step of the same kind; changeReason a field of this step that is not itself required.
    private static void CheckPrefill(IReadOnlyList<StepDefinition> steps, int index, List<string> errors)
    {
        var step = steps[index];
        foreach (var field in step.Fields ?? [])
        {
            var where = $"step {step.Number} field '{field.Id}'";
            if (field.PrefillFrom is { } from)
            {
                var source = steps.Take(index).SelectMany(s => s.Fields ?? []).FirstOrDefault(f => f.Id == from);
                if (source is null || source.Kind != field.Kind)
                {
                    errors.Add($"{where}: prefillFrom '{from}' must be a {field.Kind.ToString().ToLowerInvariant()} field of an earlier step.");
                }
            }

            // Results per koperasi need the list they report on, filled before.
            if (field.Kind == FieldKind.KoperasiResults && !steps.Take(index).SelectMany(s => s.Fields ?? []).Any(f => f.Kind == FieldKind.KoperasiList))
            {
                errors.Add($"{where}: a koperasiResults field needs a koperasiList field in an earlier step.");
            }

            if (field.ChangeReason is { } reasonId)
            {
                var reason = (step.Fields ?? []).FirstOrDefault(f => f.Id == reasonId);
                if (field.PrefillFrom is null)
                {
                    errors.Add($"{where}: changeReason needs prefillFrom (a change is measured against the earlier value).");
                }

                if (reason is null || reason.Id == field.Id || reason.Kind is not (FieldKind.Text or FieldKind.Multiline) || reason.Required)
                {
                    errors.Add($"{where}: changeReason '{reasonId}' must be another text or multiline field of this step that is not required.");
                }
            }
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
}
