namespace PerijinanBot.Sop.Engine;

/// <summary>
/// A datetime field on a card is two inputs, a date picker and a time picker, whose ids derive from the field's id
/// (<c>jadwal.date</c>, <c>jadwal.time</c>: a dot, which no field id may contain, so they never collide with a field). The
/// engine reads them joined; a single text value under the field's own id (an older card, the Submit fallback, a test)
/// still counts and wins.
/// </summary>
public static class DateTimeInput
{
    public static string DateId(string fieldId) => fieldId + ".date";

    public static string TimeId(string fieldId) => fieldId + ".time";

    /// <summary>The text under <paramref name="id"/>, else its date and time inputs joined by a space; null when all are empty.</summary>
    public static string? Joined(IReadOnlyDictionary<string, string?> values, string id)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.GetValueOrDefault(id) is { } single && !string.IsNullOrWhiteSpace(single))
        {
            return single.Trim();
        }

        var parts = new[] { values.GetValueOrDefault(DateId(id)), values.GetValueOrDefault(TimeId(id)) }
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => p!.Trim())
            .ToList();
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }
}
