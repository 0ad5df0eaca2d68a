using PerijinanBot.Sop.Calendar;

namespace PerijinanBot.Sop.Tests.Calendar;

/// <summary>Dates and times as people in the office type them, and as the card's pickers send them.</summary>
public sealed class WibParseTests
{
    private static readonly TimeZoneInfo _wib = WorkCalendar.Default.Zone;

    [Theory]
    [InlineData("14/12/2026 09.00")]
    [InlineData("14-12-2026 9:00")]
    [InlineData("14 Desember 2026 09.00")]
    [InlineData("2026-12-14 09:00")]
    [InlineData("14 Des 2026 09.00")]
    [InlineData("14 des. 2026 pukul 09.00 WIB")]
    [InlineData("Senin, 14 Desember 2026 09.00")]
    [InlineData("14.12.2026 09:00")]
    [InlineData("14/12/2026, 9.00")]
    [InlineData("  14   Desember 2026   jam 9.00 ")]
    [InlineData("2026-12-14T09:00")]
    [InlineData("2026-12-14T09:00:00")]
    [InlineData("2026-12-14T09:00:00+07:00")]
    [InlineData("2026-12-14T02:00Z")]
    public void Every_way_the_office_writes_a_date_and_time_names_the_same_moment(string typed)
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 14, 9, 0, 0, TimeSpan.FromHours(7)), WibParse.Instant(typed, _wib));
    }

    [Theory]
    [InlineData("3/4/2026", 2026, 4, 3)]
    [InlineData("03-04-2026", 2026, 4, 3)]
    [InlineData("17 Agt 2026", 2026, 8, 17)]
    [InlineData("17 Agu 2026", 2026, 8, 17)]
    [InlineData("17 agustus 2026", 2026, 8, 17)]
    [InlineData("1 Sept 2026", 2026, 9, 1)]
    [InlineData("1 Okt 2026", 2026, 10, 1)]
    [InlineData("1 Mei 2026", 2026, 5, 1)]
    [InlineData("1 Peb 2026", 2026, 2, 1)]
    [InlineData("29 Feb 2028", 2028, 2, 29)]
    [InlineData("Jum'at, 14 Agustus 2026", 2026, 8, 14)]
    [InlineData("2026-08-14", 2026, 8, 14)]
    public void A_date_is_read_day_first_with_month_names_and_their_abbreviations(string typed, int year, int month, int day)
    {
        Assert.True(WibParse.TryDate(typed, out var date), typed);
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("09.00", 9, 0)]
    [InlineData("9:05", 9, 5)]
    [InlineData("13.30 WIB", 13, 30)]
    [InlineData("pukul 7.30", 7, 30)]
    [InlineData("16:00:00", 16, 0)]
    [InlineData("00.00", 0, 0)]
    public void A_time_is_read_with_a_dot_or_a_colon(string typed, int hour, int minute)
    {
        Assert.True(WibParse.TryTime(typed, out var time), typed);
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Theory]
    [InlineData("")]
    [InlineData("besok pagi")]
    [InlineData("14/12/2026")]
    [InlineData("09.00")]
    [InlineData("31/11/2026 09.00")]
    [InlineData("29 Feb 2026 09.00")]
    [InlineData("14/13/2026 09.00")]
    [InlineData("14/12/26 09.00")]
    [InlineData("14/12-2026 09.00")]
    [InlineData("14 Desemberr 2026 09.00")]
    [InlineData("14 Xyz 2026 09.00")]
    [InlineData("14/12/2026 24.00")]
    [InlineData("14/12/2026 09.60")]
    [InlineData("14/12/2026 9")]
    [InlineData("Selasa, 14 Desember 2026 09.00")]
    [InlineData("12/14/2026 09.00")]
    [InlineData("١٤/١٢/٢٠٢٦ 09.00")]
    [InlineData("2026-12-14T09:00+7")]
    public void What_is_not_a_date_and_time_is_not_read_as_one(string typed)
    {
        Assert.Null(WibParse.Instant(typed, _wib));
    }

    [Fact]
    public void A_weekday_that_does_not_match_the_date_is_not_read_over()
    {
        Assert.True(WibParse.TryDate("Senin, 14 Desember 2026", out _));
        Assert.False(WibParse.TryDate("Minggu, 14 Desember 2026", out _));
    }

    [Fact]
    public void What_WibFormat_writes_WibParse_reads_back()
    {
        var at = new DateTimeOffset(2026, 3, 2, 13, 5, 0, TimeSpan.FromHours(7));
        Assert.Equal(at, WibParse.Instant(WibFormat.DateTime(at), _wib));
        Assert.True(WibParse.TryDate(WibFormat.PlainDate(new DateOnly(2026, 12, 25)), out var christmas));
        Assert.Equal(new DateOnly(2026, 12, 25), christmas);
    }

    [Fact]
    public void Very_long_text_is_not_read_at_all()
    {
        Assert.Null(WibParse.Instant(new string(' ', 100) + "14/12/2026 09.00" + new string('x', 100), _wib));
        Assert.False(WibParse.TryDate("14 " + new string('a', 80) + " 2026", out _));
    }
}
