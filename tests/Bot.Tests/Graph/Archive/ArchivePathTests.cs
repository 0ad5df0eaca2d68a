using PerijinanBot.Bot.Archive;

namespace PerijinanBot.Bot.Tests.Graph.Archive;

/// <summary>Archive paths SharePoint accepts whatever a setting or a form holds, in the folders the office files by.</summary>
public sealed class ArchivePathTests
{
    [Theory]
    [InlineData("FAS-2026-0001", "FAS-2026-0001")]
    [InlineData("Arsip Fasilitasi Perijinan", "Arsip Fasilitasi Perijinan")]
    [InlineData("a\\b:c*d?e\"f<g>h|i#j%k{l}m", "a-b-c-d-e-f-g-h-i-j-k-l-m")]
    [InlineData("  ..Laporan.  ", "Laporan")]
    [InlineData(" . . ", "_")]
    [InlineData("Baris\tbaru\n", "Baris-baru-")]
    [InlineData("CON", "CON_")]
    [InlineData("nul.txt", "nul_.txt")]
    [InlineData("desktop.ini", "desktop_.ini")]
    [InlineData("~$Laporan.docx", "-$Laporan.docx")]
    [InlineData("x_vti_y", "x_vti-y")]
    [InlineData("Koperasi “Maju” é", "Koperasi “Maju” é")]
    public void A_segment_loses_what_SharePoint_refuses_and_keeps_the_rest(string given, string expected) =>
        Assert.Equal(expected, ArchivePath.Segment(given));

    [Fact]
    public void A_kegiatan_files_by_year_jenis_and_number_under_the_configured_folder()
    {
        Assert.Equal("Arsip/Perijinan/2026/IUSP/FAS-2026-0001", ArchivePath.KegiatanFolder("/Arsip//Perijinan/", 2026, "IUSP", "FAS-2026-0001"));
        Assert.Equal("Arsip/2026/Lainnya/FAS-2026-0002", ArchivePath.KegiatanFolder("Arsip", 2026, " ", "FAS-2026-0002"));
        Assert.Equal("Arsip/2027/I-K-C/FAS-2027-0003", ArchivePath.KegiatanFolder("Arsip", 2027, "I:K?C", "FAS-2027-0003"));
        Assert.Equal("Arsip/2026/Buku-Agenda-Surat-Keluar-2026.xlsx", ArchivePath.AgendaFile("Arsip", 2026));
    }

    [Theory]
    [InlineData("FAS-2026-0001", 2026)]
    [InlineData("PRJ2-2031-12345", 2031)]
    [InlineData("FAS-26-0001", null)]
    [InlineData("", null)]
    public void The_year_comes_from_the_kegiatan_number_when_it_carries_one(string number, int? year) =>
        Assert.Equal(year, ArchivePath.YearOf(number));
}
