using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Reminders;

namespace PerijinanBot.Sop.Tests.Reminders;

/// <summary>The <c>reminders</c> section of a definition file: defaults, overrides, and what the loader refuses.</summary>
public sealed class ReminderSettingsTests
{
    private static readonly string RealJson = EmbeddedResources.ReadText(typeof(SopDefinition).Assembly, "PerijinanBot.Sop.Definitions.fasilitasi-perijinan.v1.json");

    private static string WithReminders(string section) =>
        RealJson[..RealJson.LastIndexOf("\"reminders\"", StringComparison.Ordinal)] + "\"reminders\": " + section + "\n}";

    [Fact]
    public void The_real_SOP_states_the_default_ladder()
    {
        var definition = SopCatalog.Embedded.Find("fasilitasi-perijinan", 1)!;

        Assert.Equal(ReminderSettings.Default, definition.Reminders);
    }

    [Fact]
    public void A_definition_may_set_its_own_ladder()
    {
        var loaded = SopDefinitionLoader.Load("x.json", WithReminders("""{"soonAtShare": 0.5, "escalateAfter": {"amount": 3, "unit": "hours"}}"""));
        Assert.Empty(loaded.Errors);
        var definition = Assert.IsType<SopDefinition>(loaded.Definition);
        var start = new DateTimeOffset(2026, 7, 13, 8, 0, 0, TimeSpan.FromHours(7)); // an ordinary Monday (not Ramadan)
        var due = WorkCalendar.Default.DueAt(start, Waktu.Hours(1));
        var visit = new StepRecord { Step = 2, ClockStartsAt = start, EnteredAt = start, DueAt = due, StandardWorkingTime = TimeSpan.FromHours(1) };

        var schedule = new ReminderLadder(definition, WorkCalendar.Default).Schedule(visit).ToList();

        Assert.Equal(start.AddMinutes(30), schedule.Single(r => r.Kind == ReminderKind.Soon).FireAt);
        // 09.00 + 3 working hours ends at the 12.00 break: sent when work resumes at 13.00.
        Assert.Equal(due.AddHours(4), schedule.Single(r => r.Kind == ReminderKind.Escalation).FireAt);
    }

    [Theory]
    [InlineData("""{"soonAtShare": 1.5}""", "soonAtShare")]
    [InlineData("""{"overdueDailyAt": "7.30"}""", "overdueDailyAt")]
    [InlineData("""{"overdueEvery": {"amount": 1, "unit": "workingDays"}}""", "overdueEvery")]
    [InlineData("""{"remindEvery": 5}""", "remindEvery")]
    public void A_wrong_reminders_section_is_refused_with_its_name(string section, string named)
    {
        var loaded = SopDefinitionLoader.Load("x.json", WithReminders(section));

        Assert.Null(loaded.Definition);
        Assert.Contains(loaded.Errors, e => e.Contains(named, StringComparison.Ordinal));
    }
}
