using System.Text.Json.Nodes;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Bot.Tests.Dialogs;

/// <summary>
/// <c>tugas</c>: my open steps, each with a button that opens its card again. Each test has an Azurite of its own: the
/// lists are per person, and another test's kegiatan would be on Budi's.
/// </summary>
[NeedsAzurite]
public sealed class TasksDialogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tugas_lists_my_open_step_and_opening_it_gives_the_assignee_the_step_card_and_anyone_else_the_status()
    {
        await using var storage = await AzuriteProcess.StartAsync(Ct);
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var (number, _) = await h.StartKegiatanAsync(Ct);
        await h.TasksIndexedAsync(number, Ct);

        var budis = await TasksAsync(h, h.Budi);
        Assert.Equal("1 langkah menunggu tindakan Anda.", Summary(budis));
        var open = Assert.Single(OpenButtons(budis));
        Assert.Equal(number, (string?)open["kegiatan"]);
        Assert.Contains($"{number} — Langkah 2: Penyiapan data dukung", DialogCards.Text(budis), StringComparison.Ordinal);
        Assert.Contains("KSP Maju Bersama", DialogCards.Text(budis), StringComparison.Ordinal);

        Assert.Equal("Tidak ada langkah yang menunggu tindakan Anda.", Summary(await TasksAsync(h, h.Ketua)));

        // Budi opens it from his list: his step card, ready to fill in.
        var step = await h.ExecuteAsync(h.Budi, $"tasks-{Guid.NewGuid():N}", SopVerbs.Open, open, Ct);
        Assert.True(step.IsCard, step.ToString());
        Assert.NotNull(DialogCards.Action(step.Card, SopVerbs.Submit, 2));
        Assert.True(DialogCards.HasInputs(step.Card));

        // The Kadis, who has no part in it yet, gets where it stands instead.
        var status = await h.ExecuteAsync(h.Kadis, $"status-{Guid.NewGuid():N}", SopVerbs.Open, open, Ct);
        Assert.True(status.IsCard, status.ToString());
        Assert.Equal($"Status kegiatan {number}", DialogCards.Title(status.Card));
        Assert.True(DialogCards.IsReadOnly(status.Card));
    }

    [Fact]
    public async Task A_submitted_step_leaves_my_tugas_and_appears_in_the_next_assignees()
    {
        await using var storage = await AzuriteProcess.StartAsync(Ct);
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var (number, _) = await h.StartKegiatanAsync(Ct);
        var (_, submitted) = await h.ActAsync(h.Budi, number, 2, SopVerbs.Submit, DialogHarness.Step2Form, Ct);
        Assert.Equal("Data dikirim", DialogCards.Headline(submitted.Card));

        await h.TasksIndexedAsync(number, Ct);

        Assert.Equal("Tidak ada langkah yang menunggu tindakan Anda.", Summary(await TasksAsync(h, h.Budi)));
        var ketuas = await TasksAsync(h, h.Ketua);
        Assert.Equal("1 langkah menunggu tindakan Anda.", Summary(ketuas));
        Assert.Equal(number, (string?)Assert.Single(OpenButtons(ketuas))["kegiatan"]);
        Assert.Contains($"{number} — Langkah 3: Verifikasi data dukung", DialogCards.Text(ketuas), StringComparison.Ordinal);
    }

    private static async Task<JsonObject> TasksAsync(DialogHarness h, Person person)
    {
        await h.SayAsync(person, "tugas", Ct);
        return (await h.CardAsync(person, c => DialogCards.Title(c) == "Tugas Anda", $"{person}: tasks card")).Card;
    }

    /// <summary>The line under the title: how many steps wait for me.</summary>
    private static string? Summary(JsonObject tasks) => (string?)tasks["body"]![1]!["text"];

    private static List<JsonObject> OpenButtons(JsonObject tasks) =>
        [.. DialogCards.Find(tasks, n => (string?)n["type"] == "Action.Execute" && (string?)n["verb"] == SopVerbs.Open).Select(n => (JsonObject)n["data"]!)];
}
