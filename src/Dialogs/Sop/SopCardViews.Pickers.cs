using System.Globalization;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Sop;

public sealed partial class SopCardViews
{
    /// <summary>
    /// A date and time as Teams' own pickers, a date picker and a time picker (ids <c>‹id›.date</c> and <c>‹id›.time</c>,
    /// <see cref="DateTimeInput"/>), which render natively on desktop and phone; the engine joins them in WIB.
    /// </summary>
    private static List<InputView> DateTimePickers(string id, string label, bool required, (string? Date, string? Time) value) =>
    [
        new(DateTimeInput.DateId(id), $"{label} — tanggal", InputKind.Date, required, $"{label}: pilih tanggalnya.", value.Date),
        new(DateTimeInput.TimeId(id), $"{label} — jam (WIB)", InputKind.Time, required, $"{label}: pilih jamnya (WIB).", value.Time),
    ];

    /// <summary>
    /// What the pickers of <paramref name="id"/> show: what was just submitted (the two pickers, or one typed text from an
    /// older card), else <paramref name="stored"/>. A part that cannot be read stays empty; the refusal on top quotes it.
    /// </summary>
    private (string? Date, string? Time) PickerValues(string id, string? stored, IReadOnlyDictionary<string, string?>? draft)
    {
        var (dateId, timeId) = (DateTimeInput.DateId(id), DateTimeInput.TimeId(id));
        if (draft is null || !(draft.ContainsKey(id) || draft.ContainsKey(dateId) || draft.ContainsKey(timeId)))
        {
            return Split(stored);
        }

        if (draft.GetValueOrDefault(id) is { } single && !string.IsNullOrWhiteSpace(single))
        {
            return Split(single);
        }

        return (
            WibParse.TryDate(draft.GetValueOrDefault(dateId), out var date) ? PickerDate(date) : null,
            WibParse.TryTime(draft.GetValueOrDefault(timeId), out var time) ? PickerTime(time) : null);
    }

    /// <summary>A stored value ("2026-07-15T09:00:00+07:00") or typed text as the pickers take it: ("2026-07-15", "09:00"), WIB.</summary>
    private (string? Date, string? Time) Split(string? text)
    {
        if (WibParse.Instant(text, _calendar.Zone) is { } at)
        {
            var local = _calendar.ToLocal(at).DateTime;
            return (PickerDate(DateOnly.FromDateTime(local)), PickerTime(TimeOnly.FromDateTime(local)));
        }

        return (
            WibParse.TryDate(text, out var date) ? PickerDate(date) : null,
            WibParse.TryTime(text, out var time) ? PickerTime(time) : null);
    }

    private static string PickerDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string PickerTime(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
