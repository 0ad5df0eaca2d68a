using PerijinanBot.Sop.Calendar;

namespace PerijinanBot.Sop.Tests.Calendar;

public sealed class WibFormatTests
{
    [Fact]
    public void An_instant_reads_as_an_Indonesian_date_and_time_in_WIB()
    {
        Assert.Equal("Senin, 14 Juli 2025 10.15 WIB", WibFormat.DateTime(new DateTimeOffset(2025, 7, 14, 3, 15, 0, TimeSpan.Zero)));
        Assert.Equal("Jumat, 1 Januari 2027 07.05 WIB", WibFormat.DateTime(new DateTimeOffset(2027, 1, 1, 7, 5, 0, TimeSpan.FromHours(7))));
        // Late evening UTC is already the next day in Pontianak.
        Assert.Equal("Kamis, 19 Maret 2026 01.30 WIB", WibFormat.DateTime(new DateTimeOffset(2026, 3, 18, 18, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Every_day_and_month_has_its_Indonesian_name()
    {
        var names = Enumerable.Range(0, 7).Select(i => WibFormat.Date(new DateOnly(2026, 7, 12).AddDays(i)).Split(',')[0]);
        Assert.Equal(["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"], names);
        var months = Enumerable.Range(1, 12).Select(m => WibFormat.Date(new DateOnly(2026, m, 1)).Split(' ')[2]);
        Assert.Equal(["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"], months);
        Assert.Equal(names, WibFormat.DayNames);
        Assert.Equal(months, WibFormat.MonthNames);
        Assert.Equal("14 Juli 2025", WibFormat.PlainDate(new DateOnly(2025, 7, 14)));
        Assert.Equal("November 2026", WibFormat.MonthAndYear(2026, 11));
    }

    [Fact]
    public void Durations_and_time_standards_read_naturally()
    {
        Assert.Equal("1 jam 15 menit", WibFormat.Duration(TimeSpan.FromMinutes(75)));
        Assert.Equal("45 menit", WibFormat.Duration(TimeSpan.FromMinutes(45)));
        Assert.Equal("15 jam", WibFormat.Duration(TimeSpan.FromHours(15)));
        Assert.Equal("0 menit", WibFormat.Duration(TimeSpan.Zero));
        Assert.Equal("kurang dari 1 menit", WibFormat.Duration(TimeSpan.FromSeconds(20)));
        Assert.Equal("5 menit", WibFormat.Waktu(Waktu.Minutes(5)));
        Assert.Equal("1 jam", WibFormat.Waktu(Waktu.Hours(1)));
        Assert.Equal("2 hari kerja", WibFormat.Waktu(Waktu.WorkingDays(2)));
        Assert.Equal("1.000", WibFormat.Number(1000));
    }
}
