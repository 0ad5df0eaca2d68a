using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Koperasi;

namespace PerijinanBot.Sop.Engine;

/// <summary>
/// Ubah data koperasi: replaces the kegiatan's koperasi list (the start form's <c>koperasiList</c> field) with the slots in
/// <paramref name="Input"/>, checked by the same rules as the start form. Only while a form step (for the real SOP step 2, the
/// supporting data) waits, by its assignee or their Plh.: the Anggota preparing the data is the one who learns the details.
/// </summary>
public sealed record EditKoperasi(string ActorId, int Step, int ExpectedVersion, FormInput Input) : StepCommand(ActorId, Step, ExpectedVersion)
{
    public override SopTrigger Trigger => SopTrigger.EditKoperasi;
}

/// <summary>One change of the koperasi list, kept on the step record it happened during, for the history.</summary>
public sealed record KoperasiEdit(Actor By, DateTimeOffset At, string? OldNames, string? NewNames);

/// <summary>Where the koperasi list may be edited outside the start form.</summary>
public static class KoperasiEditRules
{
    /// <summary>The start step's koperasi list field, or null when the SOP records none.</summary>
    public static (StepDefinition Step, FieldDefinition Field)? ListField(SopDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Steps.SelectMany(s => s.Fields.Select(f => (Step: s, Field: f))).FirstOrDefault(p => p.Field.Kind == FieldKind.KoperasiList) is { Field: not null } found
            ? found
            : null;
    }

    /// <summary>A form step after the one holding the list (step 2): the data is still being prepared there.</summary>
    public static bool AllowedAt(SopDefinition definition, StepDefinition step) =>
        step.Kind == StepKind.Form && ListField(definition) is { } list && list.Step.Number != step.Number;
}

/// <summary>Applies <see cref="EditKoperasi"/>: the guards, the validation, then the new list and its history entry.</summary>
internal static class EditKoperasiCommand
{
    public static CommandResult Apply(Kegiatan kegiatan, EditKoperasi command, CommandContext context)
    {
        var definition = context.Definition;
        var current = kegiatan.Current!;
        var step = definition.Step(current.Step);
        if (KoperasiEditRules.ListField(definition) is not { } list || !KoperasiEditRules.AllowedAt(definition, step))
        {
            var at = definition.Steps.FirstOrDefault(s => KoperasiEditRules.AllowedAt(definition, s));
            return CommandResult.Refused(RefusalCode.NotAvailable, Texts.EditKoperasiNotAvailable(step, at));
        }

        var actor = Authority.Resolve(context.Staffing, command.ActorId, context.Today, Authority.IsAssignee(current));
        if (actor is null)
        {
            return CommandResult.Refused(RefusalCode.NotYours, Texts.EditKoperasiNotAllowed(definition, step, current.Assignee));
        }

        var (value, problems) = KoperasiValidator.Read(list.Field, list.Step, command.Input.Values);
        if (problems.Count > 0 || value is null)
        {
            return CommandResult.Refused(RefusalCode.InvalidInput, Texts.InvalidFields(problems.Count > 0 ? problems : [Texts.EditKoperasiEmpty]));
        }

        var oldValue = kegiatan.Value(list.Field.Id);
        if (string.Equals(oldValue, value, StringComparison.Ordinal))
        {
            return CommandResult.Refused(RefusalCode.InvalidInput, Texts.EditKoperasiNothingChanged);
        }

        // The start form keeps who filled it in; the change itself, with who and when, is in the history.
        var data = kegiatan.Data[list.Step.Number];
        var stored = new Dictionary<string, string>(data.Values, StringComparer.Ordinal) { [list.Field.Id] = value };
        var edit = new KoperasiEdit(actor, context.Now, KoperasiList.NamesOf(oldValue), KoperasiList.NamesOf(value));
        var updated = StepFlow.ReplaceCurrent(kegiatan, current with { KoperasiEdits = [.. current.KoperasiEdits, edit] }) with
        {
            Data = new Dictionary<int, StepData>(kegiatan.Data) { [list.Step.Number] = data with { Values = stored } },
        };
        List<KegiatanEvent> events = [new KoperasiEdited(context.Number, context.Version, context.Now, step.Number, actor, edit.OldNames, edit.NewNames)];
        return StepFlow.Commit(updated, events, context);
    }
}
