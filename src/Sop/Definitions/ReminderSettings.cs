using System.Globalization;
using System.Text.Json.Serialization;
using PerijinanBot.Sop.Calendar;

namespace PerijinanBot.Sop.Definitions;

/// <summary>
/// The optional <c>reminders</c> section of a definition file: when each step's assignee, their superior and the team are
/// reminded. Every value has a default, so a definition without the section gets the office's usual ladder.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ReminderSettings
{
    /// <summary>The ladder used when a definition has no <c>reminders</c> section.</summary>
    public static ReminderSettings Default { get; } = new();

    /// <summary>"Soon" fires when this share of the step's waktu (in working time) has passed: 0.8 is at 80 %.</summary>
    /// <remarks>Nullable in the file only: the source-generated reader sets every init property, absent ones to null.</remarks>
    public double? SoonAtShare { get => _soonAtShare; init => _soonAtShare = value ?? 0.8; }

    private readonly double _soonAtShare = 0.8;

    /// <summary>Steps whose waktu is at most this get no "soon" (a 5-minute step is reminded at its due time only).</summary>
    public Waktu SoonNotUpTo { get => _soonNotUpTo; init => _soonNotUpTo = value ?? Waktu.Minutes(5); }

    private readonly Waktu _soonNotUpTo = Waktu.Minutes(5);

    /// <summary>How often a minute or hour step is reminded once overdue, in working time.</summary>
    public Waktu OverdueEvery { get => _overdueEvery; init => _overdueEvery = value ?? Waktu.Hours(1); }

    private readonly Waktu _overdueEvery = Waktu.Hours(1);

    /// <summary>A working-day step once overdue is reminded every working day at this time (WIB, <c>HH:mm</c>).</summary>
    public string OverdueDailyAt { get => _overdueDailyAt; init => _overdueDailyAt = value ?? "07:30"; }

    private readonly string _overdueDailyAt = "07:30";

    /// <summary>How long overdue before the superior is told; null: the step's own waktu again.</summary>
    public Waktu? EscalateAfter { get; init; }

    /// <summary>The superior is never told sooner than this after the due time.</summary>
    public Waktu EscalateAtLeast { get => _escalateAtLeast; init => _escalateAtLeast = value ?? Waktu.Hours(1); }

    private readonly Waktu _escalateAtLeast = Waktu.Hours(1);

    /// <summary>For a step timed from a jadwal: the team is reminded the working day before, at this time (WIB, <c>HH:mm</c>).</summary>
    public string JadwalDayBeforeAt { get => _jadwalDayBeforeAt; init => _jadwalDayBeforeAt = value ?? "07:30"; }

    private readonly string _jadwalDayBeforeAt = "07:30";

    /// <summary>Overdue reminders stop after this many (the superior has long been told by then).</summary>
    public int? MaxOverdue { get => _maxOverdue; init => _maxOverdue = value ?? 40; }

    private readonly int _maxOverdue = 40;

    [JsonIgnore]
    public double SoonShare => _soonAtShare;

    [JsonIgnore]
    public int MaxOverdueCount => _maxOverdue;

    [JsonIgnore]
    public TimeOnly OverdueDailyTime => ParseTime(OverdueDailyAt) ?? new TimeOnly(7, 30);

    [JsonIgnore]
    public TimeOnly JadwalDayBeforeTime => ParseTime(JadwalDayBeforeAt) ?? new TimeOnly(7, 30);

    /// <summary>Everything wrong with these settings (English, for operators); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (double.IsNaN(SoonShare) || SoonShare <= 0 || SoonShare >= 1)
        {
            errors.Add($"reminders.soonAtShare must be more than 0 and less than 1 (0.8 is 80 %), got {SoonShare.ToString(CultureInfo.InvariantCulture)}.");
        }

        foreach (var (name, waktu) in new[] { ("soonNotUpTo", SoonNotUpTo), ("overdueEvery", OverdueEvery), ("escalateAtLeast", EscalateAtLeast), ("escalateAfter", EscalateAfter) })
        {
            if (waktu is not null && (waktu.Amount < 1 || !Enum.IsDefined(waktu.Unit)))
            {
                errors.Add($"reminders.{name} must be a positive waktu, e.g. {{\"amount\": 1, \"unit\": \"hours\"}}.");
            }
        }

        if (OverdueEvery.Unit == WaktuUnit.WorkingDays)
        {
            errors.Add("reminders.overdueEvery is for minute and hour steps; give it in minutes or hours (working-day steps use overdueDailyAt).");
        }

        foreach (var (name, text) in new[] { ("overdueDailyAt", OverdueDailyAt), ("jadwalDayBeforeAt", JadwalDayBeforeAt) })
        {
            if (ParseTime(text) is null)
            {
                errors.Add($"reminders.{name} must be a time of day as HH:mm, e.g. 07:30; got '{text}'.");
            }
        }

        if (MaxOverdueCount is < 1 or > 1000)
        {
            errors.Add($"reminders.maxOverdue must be between 1 and 1000, got {MaxOverdueCount}.");
        }

        return errors;
    }

    private static TimeOnly? ParseTime(string text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
