using System.Text.RegularExpressions;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Definitions;

/// <summary>Checks what one step says: title, activity, kind, role and waktu, its checklist, and the outgoing letter it produces.</summary>
internal static partial class StepContentValidator
{
    public static void CheckBasics(StepDefinition step, int index, string where, IReadOnlySet<Role> declared, List<string> errors)
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

    public static void CheckChecklist(StepDefinition step, string where, List<string> errors)
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

    public static void CheckSuratKeluar(IReadOnlyList<StepDefinition> steps, Dictionary<string, string> fieldOwners, List<string> errors)
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

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    internal static partial Regex FieldIdPattern();
}
