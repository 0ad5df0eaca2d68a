using System.Text.Json.Serialization;

namespace PerijinanBot.Sop.Calendar;

[JsonConverter(typeof(CamelCaseEnumConverter<WaktuUnit>))]
public enum WaktuUnit
{
    Minutes,
    Hours,

    /// <summary>Whole working days; see <see cref="WorkCalendar.DueAt"/> for what "N working days" means.</summary>
    WorkingDays,
}

/// <summary>A step's time standard (the SOP's "Waktu" column): counted in working time, never in wall-clock time.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Waktu([property: JsonRequired] int Amount, [property: JsonRequired] WaktuUnit Unit)
{
    public static Waktu Minutes(int amount) => new(amount, WaktuUnit.Minutes);

    public static Waktu Hours(int amount) => new(amount, WaktuUnit.Hours);

    public static Waktu WorkingDays(int amount) => new(amount, WaktuUnit.WorkingDays);

    public override string ToString() => WibFormat.Waktu(this);
}
