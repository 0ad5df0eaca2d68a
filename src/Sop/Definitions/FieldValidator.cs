using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Definitions;

/// <summary>Checks one form field.</summary>
internal static class FieldValidator
{
    public static void Check(FieldDefinition field, StepDefinition step, string where, bool inStartStep, IReadOnlySet<Role> declared, Dictionary<string, string> owners, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(field.Id) || !StepContentValidator.FieldIdPattern().IsMatch(field.Id))
        {
            errors.Add($"{where}: id '{field.Id}' must be camelCase letters and digits.");
        }
        else if (!owners.TryAdd(field.Id, where))
        {
            errors.Add($"{where}: field id '{field.Id}' is already used at {owners[field.Id]}; field ids are unique across the SOP.");
        }

        if (string.IsNullOrWhiteSpace(field.Label))
        {
            errors.Add($"{where}: label is required.");
        }

        switch (field.Kind)
        {
            case FieldKind.Text or FieldKind.Multiline or FieldKind.UrlList when field.MaxLength is not > 0:
                errors.Add($"{where}: a {field.Kind.ToString().ToLowerInvariant()} field needs maxLength of 1 or more.");
                break;
            case FieldKind.Choice or FieldKind.Checklist:
                CheckChoices(field, where, errors);
                break;
            case FieldKind.Person:
                DefinitionValidator.CheckRoleName(field.RoleName, declared, $"{where}.role", errors);
                if (!inStartStep)
                {
                    errors.Add($"{where}: person fields are only supported in the start step.");
                }

                break;
            case FieldKind.KoperasiList:
                CheckChoices(field, where, errors);
                if (field.MaxItems is not (>= 1 and <= 10))
                {
                    errors.Add($"{where}: a koperasiList field needs maxItems between 1 and 10.");
                }

                if ((step.Fields ?? []).FirstOrDefault(f => f.Id == field.WilayahFrom) is not { Kind: FieldKind.Choice or FieldKind.Checklist })
                {
                    errors.Add($"{where}: wilayahFrom '{field.WilayahFrom}' must name a choice field of the same step.");
                }

                break;
            case FieldKind.KoperasiResults:
                CheckChoices(field, where, errors);
                if (field.MaxLength is not > 0 || field.Max is not > 0)
                {
                    errors.Add($"{where}: a koperasiResults field needs maxLength (the berita acara number) and max (the participants), each 1 or more.");
                }

                if (inStartStep)
                {
                    errors.Add($"{where}: a koperasiResults field reports on the koperasi of an earlier step, so it cannot be in the start step.");
                }

                break;
            case FieldKind.Number when field.Min > field.Max:
                errors.Add($"{where}: min {field.Min} is more than max {field.Max}.");
                break;
            default:
                if (!Enum.IsDefined(field.Kind))
                {
                    errors.Add($"{where}: unknown kind.");
                }

                break;
        }
    }

    private static void CheckChoices(FieldDefinition field, string where, List<string> errors)
    {
        var choices = field.Choices ?? [];
        if (choices.Count == 0)
        {
            errors.Add($"{where}: a {field.Kind.ToString().ToLowerInvariant()} field needs choices.");
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < choices.Count; c++)
        {
            if (string.IsNullOrWhiteSpace(choices[c].Value) || string.IsNullOrWhiteSpace(choices[c].Label))
            {
                errors.Add($"{where}.choices[{c}] needs both value and label.");
            }
            else if (!values.Add(choices[c].Value) || (field.Kind == FieldKind.Checklist && choices[c].Value.Contains(',', StringComparison.Ordinal)))
            {
                errors.Add($"{where}.choices[{c}]: value '{choices[c].Value}' is repeated or contains a comma.");
            }
        }
    }
}
