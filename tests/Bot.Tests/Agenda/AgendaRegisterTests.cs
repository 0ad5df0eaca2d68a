using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Letters;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Reports.Agenda;

namespace PerijinanBot.Bot.Tests.Agenda;

/// <summary>The Buku Agenda Surat Keluar on a real Azurite: serials never repeated, never skipped, under concurrency and across instances.</summary>
[NeedsAzurite]
public sealed class AgendaRegisterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateOnly Day = new(2026, 11, 20);

    [Fact]
    public async Task Fifty_concurrent_letters_get_fifty_distinct_consecutive_serials()
    {
        var register = Register(Prefix());
        var entries = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => Task.Run(() => register.RecordAsync(Letter(i), CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 50), entries.Select(e => e.Serial).Order());
        Assert.Equal(50, entries.Select(e => e.NomorBot).Distinct().Count());
        var listed = await register.ListAsync(2026, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 50), listed.Select(e => e.Serial));
        Assert.All(entries, e => Assert.Equal(listed.Single(l => l.Serial == e.Serial), e));
    }

    [Fact]
    public async Task Two_instances_taking_serials_at_once_share_one_gap_free_sequence()
    {
        var prefix = Prefix();
        // Each "instance" has its own storage client and table provider, as two bot processes would.
        var first = Register(prefix);
        var second = Register(prefix);
        var entries = await Task.WhenAll(Enumerable.Range(1, 40).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).RecordAsync(Letter(i), CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 40), entries.Select(e => e.Serial).Order());
        Assert.Equal(Enumerable.Range(1, 40), (await second.ListAsync(2026, CancellationToken.None)).Select(e => e.Serial));
    }

    [Fact]
    public async Task The_same_document_recorded_again_or_concurrently_keeps_its_first_serial()
    {
        var register = Register(Prefix());
        var again = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => register.RecordAsync(Letter(7), CancellationToken.None))));
        var other = await register.RecordAsync(Letter(8), CancellationToken.None);

        Assert.Single(again.Select(e => e.Serial).Distinct());
        Assert.Equal(1, again[0].Serial);
        Assert.Equal(2, other.Serial);
        Assert.Equal(again[0], await register.FindAsync(2026, "FAS-2026-0007", AgendaDocuments.Laporan, CancellationToken.None));
    }

    [Fact]
    public async Task The_number_follows_the_configured_pattern_and_first_serial_and_each_year_starts_again()
    {
        var register = Register(Prefix(), new AgendaOptions { NumberPattern = "400.14/{serial}/DISKOPUKM-B/{tahun}", SerialDigits = 3, FirstSerial = 120 });
        var a = await register.RecordAsync(Letter(1), CancellationToken.None);
        var b = await register.RecordAsync(Letter(2), CancellationToken.None);
        var nextYear = await register.RecordAsync(Letter(3) with { Tanggal = new DateOnly(2027, 1, 4) }, CancellationToken.None);

        Assert.Equal("400.14/120/DISKOPUKM-B/2026", a.NomorBot);
        Assert.Equal("400.14/121/DISKOPUKM-B/2026", b.NomorBot);
        Assert.Equal((2027, 120, "400.14/120/DISKOPUKM-B/2027"), (nextYear.Year, nextYear.Serial, nextYear.Nomor));
    }

    [Fact]
    public async Task By_default_the_number_is_klasifikasi_serial_unit_year_without_padding_and_each_kind_takes_its_own_klasifikasi()
    {
        var options = new AgendaOptions();
        options.Klasifikasi[AgendaDocuments.Laporan] = "500.3.2";
        var register = Register(Prefix(), options);
        var laporan = await register.RecordAsync(Letter(1), CancellationToken.None);
        var disposisi = await register.RecordAsync(Letter(2) with { Document = AgendaDocuments.Disposisi }, CancellationToken.None);

        Assert.Equal("500.3.2/1/DISKOPUKM.B/2026", laporan.NomorBot);
        Assert.Equal("000.8/2/DISKOPUKM.B/2026", disposisi.NomorBot);
    }

    [Fact]
    public async Task A_SRIKANDI_number_becomes_the_letters_number_and_may_not_be_used_twice_in_a_year()
    {
        var register = Register(Prefix());
        var a = await register.RecordAsync(Letter(1), CancellationToken.None);
        var b = await register.RecordAsync(Letter(2), CancellationToken.None);

        var (saved, entry) = await register.SetSrikandiAsync(2026, a.Serial, "B-123/DISKOPUKM/XI/2026", CancellationToken.None);
        Assert.Equal(SrikandiOutcome.Saved, saved);
        Assert.Equal("B-123/DISKOPUKM/XI/2026", entry!.Nomor);
        Assert.Equal(a.NomorBot, entry.NomorBot);
        Assert.Equal(entry, await register.GetAsync(2026, a.Serial, CancellationToken.None));

        var (duplicate, unchanged) = await register.SetSrikandiAsync(2026, b.Serial, "B-123/DISKOPUKM/XI/2026", CancellationToken.None);
        Assert.Equal(SrikandiOutcome.Duplicate, duplicate);
        Assert.Null(unchanged!.NomorSrikandi);
        Assert.Null((await register.GetAsync(2026, b.Serial, CancellationToken.None))!.NomorSrikandi);

        Assert.Equal(SrikandiOutcome.Saved, (await register.SetSrikandiAsync(2026, a.Serial, "B-123/DISKOPUKM/XI/2026", CancellationToken.None)).Outcome);
        Assert.Equal(SrikandiOutcome.NotFound, (await register.SetSrikandiAsync(2026, 99, "B-9", CancellationToken.None)).Outcome);
    }

    private static AgendaRequest Letter(int i) => new(
        $"FAS-2026-{i:D4}", AgendaDocuments.Laporan, Day, $"Laporan kegiatan fasilitasi IUSP Koperasi {i}", "Kepala Dinas", "00000000-0000-4000-8000-000000000002", "Budi Santoso");

    private static string Prefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    private AgendaRegister Register(string prefix, AgendaOptions? options = null) => new(
        new TableServiceClient(azurite.ConnectionString),
        Options.Create(new StorageOptions { TableNamePrefix = prefix }),
        Options.Create(options ?? new AgendaOptions()),
        TimeProvider.System);
}
