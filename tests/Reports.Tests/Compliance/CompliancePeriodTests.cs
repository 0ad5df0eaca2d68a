using PerijinanBot.Reports.Compliance;
using PerijinanBot.Sop.Calendar;

namespace PerijinanBot.Reports.Tests.Compliance;

public sealed class CompliancePeriodTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData(1, "Januari 2026")]
    [InlineData(2, "Februari 2026")]
    [InlineData(3, "Maret 2026")]
    [InlineData(5, "Mei 2026")]
    [InlineData(8, "Agustus 2026")]
    [InlineData(11, "November 2026")]
    [InlineData(12, "Desember 2026")]
    public void A_month_is_labelled_with_its_Indonesian_name(int month, string label)
    {
        var period = CompliancePeriod.Containing(PeriodKind.Bulan, D(2026, month, 15));

        Assert.Equal(label, period.Label);
        Assert.Equal(D(2026, month, 1), period.From);
        Assert.Equal(D(2026, month, 1).AddMonths(1), period.ToExclusive);
    }

    [Theory]
    [InlineData(1, 1, 1, 4, "Triwulan I 2026")]
    [InlineData(3, 31, 1, 4, "Triwulan I 2026")]
    [InlineData(4, 1, 4, 7, "Triwulan II 2026")]
    [InlineData(9, 30, 7, 10, "Triwulan III 2026")]
    [InlineData(10, 1, 10, 13, "Triwulan IV 2026")]
    [InlineData(12, 31, 10, 13, "Triwulan IV 2026")]
    public void A_triwulan_is_a_calendar_quarter(int month, int day, int fromMonth, int toMonth, string label)
    {
        var period = CompliancePeriod.Containing(PeriodKind.Triwulan, D(2026, month, day));

        Assert.Equal(new CompliancePeriod(PeriodKind.Triwulan, D(2026, fromMonth, 1), D(2026, 1, 1).AddMonths(toMonth - 1), label), period);
    }

    [Fact]
    public void A_semester_is_half_a_calendar_year()
    {
        Assert.Equal(new CompliancePeriod(PeriodKind.Semester, D(2026, 1, 1), D(2026, 7, 1), "Semester I 2026"), CompliancePeriod.Containing(PeriodKind.Semester, D(2026, 6, 30)));
        Assert.Equal(new CompliancePeriod(PeriodKind.Semester, D(2026, 7, 1), D(2027, 1, 1), "Semester II 2026"), CompliancePeriod.Containing(PeriodKind.Semester, D(2026, 7, 1)));
    }

    [Fact]
    public void A_tahun_is_the_calendar_year()
    {
        Assert.Equal(new CompliancePeriod(PeriodKind.Tahun, D(2026, 1, 1), D(2027, 1, 1), "Tahun 2026"), CompliancePeriod.Containing(PeriodKind.Tahun, D(2026, 11, 30)));
    }

    [Theory]
    [InlineData(null, "November 2026")]
    [InlineData("", "November 2026")]
    [InlineData("  ", "November 2026")]
    [InlineData("bulan", "November 2026")]
    [InlineData("Month", "November 2026")]
    [InlineData(" TRIWULAN ", "Triwulan IV 2026")]
    [InlineData("quarter", "Triwulan IV 2026")]
    [InlineData("Semester", "Semester II 2026")]
    [InlineData("tahun", "Tahun 2026")]
    [InlineData("YEAR", "Tahun 2026")]
    public void The_word_after_the_command_picks_the_period_containing_today(string? word, string label)
    {
        Assert.True(CompliancePeriod.TryParse(word, D(2026, 11, 18), out var period));
        Assert.Equal(label, period.Label);
    }

    [Theory]
    [InlineData("minggu")]
    [InlineData("bulan lalu")]
    [InlineData("2026")]
    public void Other_words_are_not_periods(string word)
    {
        Assert.False(CompliancePeriod.TryParse(word, D(2026, 11, 18), out _));
    }

    [Fact]
    public void An_instant_belongs_to_the_period_of_its_WIB_date()
    {
        var november = CompliancePeriod.Containing(PeriodKind.Bulan, D(2026, 11, 1));
        var calendar = WorkCalendar.Default;

        Assert.True(november.Contains(new DateTimeOffset(2026, 10, 31, 17, 0, 0, TimeSpan.Zero), calendar));
        Assert.False(november.Contains(new DateTimeOffset(2026, 10, 31, 16, 59, 59, TimeSpan.Zero), calendar));
        Assert.True(november.Contains(new DateTimeOffset(2026, 11, 30, 16, 59, 59, TimeSpan.Zero), calendar));
        Assert.False(november.Contains(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero), calendar));
    }
}
