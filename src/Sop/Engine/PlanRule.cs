using PerijinanBot.Sop.Definitions;

namespace PerijinanBot.Sop.Engine;

/// <summary>
/// A step that carries out what was planned (step 6, timed from the jadwal) as the office lives it: it is recorded when the
/// kegiatan starts, so not before the jadwal's day; and a value the step starts from an earlier step's plan (<c>prefillFrom</c>)
/// may change only with a reason (<c>changeReason</c>).
/// </summary>
internal static class PlanRule
{
    /// <summary>Why <paramref name="step"/> cannot be recorded yet: its jadwal's day (WIB) has not come. Null when it can.</summary>
    public static string? TooEarly(StepRecord current, StepDefinition step, CommandContext context)
    {
        if (step.ClockStartsAtField is null)
        {
            return null;
        }

        var jadwal = current.ClockStartsAt;
        return context.Calendar.LocalDate(context.Now) < context.Calendar.LocalDate(jadwal)
            ? Texts.RecordedBeforeJadwalDay(context.Calendar.ToLocal(jadwal))
            : null;
    }

    /// <summary>One problem per reason field left empty although a value it explains differs from the plan.</summary>
    public static IEnumerable<string> UnexplainedChanges(StepDefinition step, IReadOnlyDictionary<string, string> values, Kegiatan? kegiatan, CommandContext context)
    {
        if (kegiatan is null)
        {
            return [];
        }

        var changes = new List<(FieldDefinition Field, string Value, string Planned)>();
        foreach (var field in step.Fields.Where(f => f.PrefillFrom is not null && f.ChangeReason is not null))
        {
            if (values.TryGetValue(field.Id, out var value) && kegiatan.Value(field.PrefillFrom!) is { } planned
                && !values.ContainsKey(field.ChangeReason!) && !Same(field.Kind, value, planned))
            {
                changes.Add((field, value, planned));
            }
        }

        return changes
            .GroupBy(c => c.Field.ChangeReason!, StringComparer.Ordinal)
            .Select(group => Texts.ChangeWithoutReason(
                [.. group.Select(c => (c.Field.Label, Shown(c.Field, c.Value, context), Shown(c.Field, c.Planned, context)))],
                step.Fields.First(f => f.Id == group.Key).Label));
    }

    // A datetime is the same instant whatever its offset; text is the same words, whatever the spacing and case.
    private static bool Same(FieldKind kind, string value, string planned) => kind == FieldKind.Datetime
        ? DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var a)
            && DateTimeOffset.TryParse(planned, System.Globalization.CultureInfo.InvariantCulture, out var b) && a == b
        : string.Equals(Words(value), Words(planned), StringComparison.OrdinalIgnoreCase);

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Shown(FieldDefinition field, string value, CommandContext context) =>
        field.Kind == FieldKind.Datetime && WibParse.Instant(value, context.Calendar.Zone) is { } at
            ? WibFormat.DateTime(at)
            : $"“{value}”";
}
