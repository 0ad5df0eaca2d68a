using System.Net;
using System.Text.Json.Nodes;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Dialogs.Reports;
using UglyToad.PdfPig;

namespace PerijinanBot.Bot.Tests.Documents;

/// <summary>What the document tests do in people's chats and with the files behind the links.</summary>
internal static class DocumentsKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The person types "agenda" and gets the register card.</summary>
    public static async Task<JsonObject> AgendaCardOfAsync(DialogHarness h, Person person)
    {
        await h.SayAsync(person, "agenda", Ct);
        return (await h.CardAsync(person, c => DialogCards.Title(c)?.StartsWith("Buku Agenda Surat Keluar", StringComparison.Ordinal) == true, $"{person}: agenda card")).Card;
    }

    /// <summary>The person records a SRIKANDI number with the agenda card's form; returns the card the bot answers with.</summary>
    public static async Task<JsonObject> SrikandiAsync(DialogHarness h, Person person, JsonObject card, string entry, string nomor)
    {
        var data = DialogCards.Action(card, AgendaCard.SrikandiVerb)!.DeepClone().AsObject();
        data[AgendaCard.EntryInput] = entry;
        data[AgendaCard.NomorInput] = nomor;
        var answer = await h.ExecuteAsync(person, $"reply-{Guid.NewGuid():N}", AgendaCard.SrikandiVerb, data, Ct);
        Assert.True(answer.IsCard, answer.ToString());
        return answer.Card;
    }

    /// <summary>The value of the agenda form's letter whose title contains <paramref name="titleContains"/>.</summary>
    public static string Choice(JsonObject card, string titleContains) =>
        (string)DialogCards.Find(card, o => (string?)o["id"] == AgendaCard.EntryInput).Single()["choices"]!.AsArray()
            .Single(c => ((string)c!["title"]!).Contains(titleContains, StringComparison.Ordinal))!["value"]!;

    /// <summary>Opens a download link as a browser would: 200, the given content type, the bytes.</summary>
    public static async Task<byte[]> DownloadAsync(DialogHarness h, Uri link, string contentType)
    {
        // The link names the public base URL; in process the same path and token go to the test server.
        using var response = await h.Client.GetAsync(link.PathAndQuery, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    /// <summary>A PDF's words, page by page.</summary>
    public static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    /// <summary>Every Action.OpenUrl of a card, in order.</summary>
    public static List<(string Title, Uri Url)> OpenUrls(JsonObject card) =>
        [.. DialogCards.Find(card, o => (string?)o["type"] == "Action.OpenUrl").Select(o => ((string)o["title"]!, new Uri((string)o["url"]!)))];
}
