using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Bot.Tests.Storage;

/// <summary>
/// Two environments may share one storage account (a test and a pilot, say): with <c>Storage:TableNamePrefix</c>
/// every table the bot writes carries the prefix, so neither sees the other's kegiatan, people, appointments or letters.
/// </summary>
[NeedsAzurite]
public sealed class TableNamePrefixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_table_a_whole_kegiatan_touches_carries_the_prefix()
    {
        await using var azurite = await AzuriteProcess.StartAsync(Ct);
        await using var h = await DialogHarness.StartAsync(azurite.ConnectionString, Ct, settings: new Dictionary<string, string?> { ["Storage:TableNamePrefix"] = "pilot" });

        // Everything people do: introduce themselves, run a kegiatan to its end, appoint a Plh., read the register and the report.
        var number = await h.WalkToAsync(7, Ct);
        await h.ActAsync(h.Budi, number, 7, SopVerbs.Report, DialogHarness.Step7Form, Ct);
        await h.CardAsync(h.Ketua, c => DialogCards.Title(c) == $"Kegiatan {number} selesai", "Ketua: closing card");
        var today = OfficeWeek.Today;
        var appointed = await h.Bot.Services.GetRequiredService<DelegationStore>()
            .AddAsync("00000000-0000-4000-8000-000000000006", "cmd-plh-1", new NewDelegation("00000000-0000-4000-8000-000000000003", "00000000-0000-4000-8000-000000000001", today, today.AddDays(1), "ST 800/1/2026", BasisDate: today), Ct);
        Assert.True(appointed.IsOk, appointed.Error);
        await h.SayAsync(h.Ketua, "agenda", Ct);
        await h.CardAsync(h.Ketua, c => DialogCards.Title(c)?.StartsWith("Buku Agenda Surat Keluar", StringComparison.Ordinal) == true, "Ketua: agenda card");
        await h.SayAsync(h.Ketua, "laporan", Ct);
        await h.CardAsync(h.Ketua, c => DialogCards.Title(c)?.StartsWith("Laporan kepatuhan SOP", StringComparison.Ordinal) == true, "Ketua: compliance card");

        var tables = new List<string>();
        await foreach (var table in new TableServiceClient(azurite.ConnectionString).QueryAsync(cancellationToken: Ct))
        {
            tables.Add(table.Name);
        }

        Assert.Contains("pilotKegiatan", tables);
        Assert.Contains("pilotConversationReferences", tables);
        Assert.Contains("pilotDelegations", tables);
        Assert.Contains("pilotAgendaSuratKeluar", tables);
        Assert.All(tables, name => Assert.StartsWith("pilot", name, StringComparison.Ordinal));
    }
}
