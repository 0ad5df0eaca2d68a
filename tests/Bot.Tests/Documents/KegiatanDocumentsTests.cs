using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Letters;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Reports.Agenda;

namespace PerijinanBot.Bot.Tests.Documents;

/// <summary>On a real Azurite: finding each register line's document, for a month's card and for a whole year's register.</summary>
[NeedsAzurite]
public sealed class KegiatanDocumentsTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_years_register_finds_the_same_documents_in_one_pass_over_the_table_as_with_a_query_per_kegiatan()
    {
        await using var bot = new BotFactory(new Dictionary<string, string?> { ["Storage:ConnectionString"] = storage.ConnectionString });
        var documents = bot.Services.GetRequiredService<KegiatanDocuments>();

        // Forty kegiatan (one number with characters a table key must escape); every third has no documents yet, and only
        // the even ones have their report made.
        var run = Guid.NewGuid().ToString("N")[..6];
        var numbers = Enumerable.Range(1, 40).Select(i => i == 8 ? $"FAS/{run}#{i:00}" : $"FAS-{run}-{i:00}").ToList();
        var table = new TableClient(storage.ConnectionString, "Dokumen");
        await table.CreateIfNotExistsAsync(Ct);
        var entries = new List<AgendaEntry>();
        for (var i = 0; i < numbers.Count; i++)
        {
            entries.Add(Entry(2026, (2 * i) + 1, numbers[i], AgendaDocuments.Disposisi));
            entries.Add(Entry(2026, (2 * i) + 2, numbers[i], AgendaDocuments.Laporan));
            if (i % 3 == 0)
            {
                continue;
            }

            await table.UpsertEntityAsync(Row(numbers[i], KegiatanDocuments.DisposisiPdf, i), cancellationToken: Ct);
            if (i % 2 == 0)
            {
                await table.UpsertEntityAsync(Row(numbers[i], KegiatanDocuments.LaporanPdf, i), cancellationToken: Ct);
                await table.UpsertEntityAsync(Row(numbers[i], KegiatanDocuments.LaporanDocx, i), cancellationToken: Ct);
            }
        }

        var onePass = await documents.OfEntriesAsync(entries, Ct);
        var perKegiatan = new Dictionary<(int Year, int Serial), KegiatanDocument>();
        foreach (var chunk in entries.Chunk(10))
        {
            foreach (var (key, document) in await documents.OfEntriesAsync(chunk, Ct))
            {
                perKegiatan[key] = document;
            }
        }

        var expected = entries
            .Select((e, n) => (Entry: e, Index: n / 2))
            .Where(x => x.Index % 3 != 0 && (x.Entry.Document == AgendaDocuments.Disposisi || x.Index % 2 == 0))
            .Select(x => (x.Entry.Year, x.Entry.Serial))
            .ToList();
        Assert.Equal(expected, onePass.Keys.Order());
        Assert.Equal(expected, perKegiatan.Keys.Order());
        Assert.All(onePass, pair => Assert.Equal(perKegiatan[pair.Key], pair.Value));
        Assert.All(onePass, pair => Assert.Equal(pair.Key.Serial % 2 == 1 ? KegiatanDocuments.DisposisiPdf : KegiatanDocuments.LaporanPdf, pair.Value.Key));
        Assert.Equal($"blob/{TableKeys.Escape(numbers[7])}/{KegiatanDocuments.DisposisiPdf}", onePass[(2026, 15)].File.BlobName);
    }

    private static AgendaEntry Entry(int year, int serial, string number, string document) =>
        new(year, serial, new DateOnly(year, 7, 14), $"000.8 / {serial:0000} / DISKOPUKM.B", null, "Perihal", "Tujuan", "pengolah", "Pengolah", number, document);

    private static TableEntity Row(string number, string key, int i) => new(TableKeys.Escape(number), key)
    {
        ["BlobName"] = $"blob/{TableKeys.Escape(number)}/{key}",
        ["FileName"] = key,
        ["ContentType"] = "application/pdf",
        ["Length"] = 1000L + i,
        ["AgendaNomor"] = $"nomor-{i}",
        ["GeneratedAt"] = new DateTimeOffset(2026, 7, 14, 1, 0, 0, TimeSpan.Zero).AddMinutes(i),
    };
}
