using PerijinanBot.Bot.Letters;

namespace PerijinanBot.Bot.Tests.Agenda;

/// <summary>The Agenda section as the Tata Naskah Dinas writes a nomor surat, and the settings that would break it refused at start-up.</summary>
public sealed class AgendaOptionsTests
{
    [Theory]
    [InlineData("{klasifikasi}/{serial}/{unit}/{tahun}", 0, "000.8/7/DISKOPUKM.B/2026")]
    [InlineData("{klasifikasi}/{serial}/{unit}/{tahun}", 1, "000.8/7/DISKOPUKM.B/2026")]
    [InlineData("{klasifikasi} / {serial} / {unit}", 4, "000.8 / 0007 / DISKOPUKM.B")]
    [InlineData("B-{serial}/{unit}/{tahun}", 0, "B-7/DISKOPUKM.B/2026")]
    public void The_pattern_fills_in_the_klasifikasi_the_serial_the_unit_and_the_year(string pattern, int digits, string expected)
    {
        var options = new AgendaOptions { NumberPattern = pattern, SerialDigits = digits };

        Assert.Equal(expected, options.Format(2026, 7, "laporan"));
        Assert.True(new AgendaOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void A_pattern_without_serial_an_unknown_placeholder_or_a_code_with_a_slash_is_refused_with_the_setting_named()
    {
        var options = new AgendaOptions { NumberPattern = "{klasifikasi}/{nomor}/{unit}", SerialDigits = 9, Unit = "DISKOPUKM/B" };
        options.Klasifikasi["laporan"] = "";

        var failures = new AgendaOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Agenda:NumberPattern must contain {serial}", StringComparison.Ordinal));
        Assert.Contains("Agenda:NumberPattern has {nomor}, which is not one of {serial}, {klasifikasi}, {unit}, {tahun}.", failures);
        Assert.Contains("Agenda:SerialDigits must be between 0 and 8 (0 or 1: not padded).", failures);
        Assert.Contains(failures, f => f.StartsWith("Agenda:Klasifikasi:laporan must be a code", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Agenda:Unit must be a code", StringComparison.Ordinal) && f.EndsWith("got 'DISKOPUKM/B'.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_undangan_takes_the_klasifikasi_005_unless_the_office_sets_its_own()
    {
        var options = new AgendaOptions();
        Assert.Equal("005/3/DISKOPUKM.B/2026", options.Format(2026, 3, "undangan"));
        Assert.Equal("000.8/4/DISKOPUKM.B/2026", options.Format(2026, 4, "laporan"));

        options.Klasifikasi["undangan"] = "400.14.2";
        Assert.Equal("400.14.2/3/DISKOPUKM.B/2026", options.Format(2026, 3, "undangan"));
    }

    [Fact]
    public void The_invitation_is_signed_by_the_Kepala_Dinas_by_default_and_only_a_Kepala_Dinas_or_Kepala_Bidang_may_be_set()
    {
        var defaults = new UndanganOptions();
        Assert.True(new UndanganOptionsValidator().Validate(null, defaults).Succeeded);
        Assert.Equal(PerijinanBot.Sop.People.Role.KepalaDinas, defaults.ToSettings().Signer);
        Assert.Equal(PerijinanBot.Sop.People.Role.KepalaBidang, new UndanganOptions { Signer = " KepalaBidang " }.ToSettings().Signer);

        var failures = new UndanganOptionsValidator().Validate(null, new UndanganOptions { Signer = "admin", Sifat = " ", Kota = "Pontianak\nKubu Raya" }).Failures!.ToList();
        Assert.Contains("Documents:Undangan:Signer must be one of kepalaDinas, kepalaBidang; got 'admin'.", failures);
        Assert.Contains(failures, f => f.StartsWith("Documents:Undangan:Sifat must be one line", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Documents:Undangan:Kota must be one line", StringComparison.Ordinal));
    }
}
