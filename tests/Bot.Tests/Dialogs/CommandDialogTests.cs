using System.Text.Json.Nodes;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Dialogs;

/// <summary>Typed commands: unknown text, <c>status</c> and its number forms, and group chats (mentioned, welcomed).</summary>
[NeedsAzurite]
public sealed class CommandDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unknown_text_gets_the_hint_and_status_asks_for_a_number_says_when_none_exists_and_understands_the_short_form()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var chat = h.Budi.ConversationId;

        await h.SayAsync(h.Budi, "selamat pagi", Ct);
        Assert.Equal("Maaf, perintah “selamat pagi” tidak saya kenali. Ketik **bantuan** untuk melihat perintah yang tersedia.", await h.TextInAsync(chat, "hint"));

        await h.SayAsync(h.Budi, "status", Ct);
        Assert.Equal("Sebutkan nomor kegiatannya, misalnya: **status FAS-2026-0001**.", await h.TextInAsync(chat, "number needed"));

        await h.SayAsync(h.Budi, "status besok", Ct);
        Assert.Equal("“besok” bukan nomor kegiatan. Contoh: **status FAS-2026-0001**.", await h.TextInAsync(chat, "not a number"));

        await h.SayAsync(h.Budi, "status FAS-2099-0001", Ct);
        Assert.Equal("Kegiatan FAS-2099-0001 tidak ditemukan. Ketik **tugas** untuk melihat kegiatan yang menunggu Anda.", await h.TextInAsync(chat, "not found"));

        // "2026-1" names FAS-2026-0001: year and serial, prefix and zeros left out.
        var (number, _) = await h.StartKegiatanAsync(Ct);
        var parts = number.Split('-');
        var shortForm = $"{parts[1]}-{int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)}";
        var says = await h.SayAsync(h.Budi, $"Status {shortForm}", Ct);
        var status = await h.CardAsync(h.Budi, c => DialogCards.Title(c) == $"Status kegiatan {number}", $"status card for “{shortForm}”");
        Assert.EndsWith($"/activities/{says}", status.Call.Path, StringComparison.Ordinal);
        Assert.Contains("Budi Santoso (Anggota Tim Kerja)", DialogCards.Text(status.Card), StringComparison.Ordinal);
        Assert.True(DialogCards.IsReadOnly(status.Card));
    }

    [Fact]
    public async Task In_a_group_chat_a_command_with_the_bot_mentioned_is_answered_in_that_group()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var group = $"19:group-{h.Run}@thread.v2";
        var (number, _) = await h.StartKegiatanAsync(Ct);
        var personalBefore = h.CallsIn(h.Kabid.ConversationId).Count;

        var says = await h.SayInAsync(h.Kabid, group, $"<at>PerijinanBot</at> status {number}", Ct, group: true, entities: Mention());
        var status = await h.CardInAsync(group, c => DialogCards.Title(c) == $"Status kegiatan {number}", "status card in the group");
        Assert.Equal($"/connector{DialogHarness.ActivitiesPath(group)}/{says}", status.Call.Path);
        Assert.Equal(group, (string?)status.Call.Body!["conversation"]!["id"]);

        await h.SayInAsync(h.Kabid, group, "<at>PerijinanBot</at> bantuan", Ct, group: true, entities: Mention());
        await h.CardInAsync(group, c => DialogCards.Title(c) == "PerijinanBot — Bantuan", "help card in the group");

        // The answers stay in the group: nothing went to the Kabid's own chat.
        Assert.Equal(personalBefore, h.CallsIn(h.Kabid.ConversationId).Count);
    }

    [Fact]
    public async Task In_a_group_chat_a_command_without_the_mention_is_understood_the_same_way()
    {
        // Teams delivers unmentioned group messages only to bots with resource-specific consent; the Playground always does.
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var group = $"19:group-{h.Run}@thread.v2";
        var (number, _) = await h.StartKegiatanAsync(Ct);

        await h.SayInAsync(h.Kadis, group, $"status {number}", Ct, group: true);

        var status = await h.CardInAsync(group, c => DialogCards.Title(c) == $"Status kegiatan {number}", "status card in the group");
        Assert.True(DialogCards.IsReadOnly(status.Card));
    }

    [Fact]
    public async Task Adding_the_bot_to_a_group_chat_welcomes_the_group_not_the_person_who_added_it()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct, introduce: false);
        var group = $"19:group-{h.Run}@thread.v2";

        await h.AddBotToGroupAsync(h.Ketua, group, Ct);

        var welcome = await h.CardInAsync(group, c => DialogCards.Title(c) == "Selamat datang di PerijinanBot", "welcome in the group");
        var text = DialogCards.Text(welcome.Card);
        Assert.Contains("Kartu tugas dikirim ke obrolan pribadi setiap pelaksana; di sini bot menjawab perintah yang menyebutnya.", text, StringComparison.Ordinal);
        Assert.Contains("sebut @PerijinanBot sebelum perintah", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Rina Marlina", text, StringComparison.Ordinal);
        // Only there: nothing went to the Ketua's own chat.
        Assert.Equal(group, (string?)welcome.Call.Body!["conversation"]!["id"]);
        Assert.Empty(h.CallsIn(h.Ketua.ConversationId));
    }

    private static JsonArray Mention() =>
    [
        new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>PerijinanBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = ActivityFactory.BotId, ["name"] = "PerijinanBot" },
        },
    ];
}
