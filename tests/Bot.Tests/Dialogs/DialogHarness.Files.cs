using System.Text.Json.Nodes;

namespace PerijinanBot.Bot.Tests.Dialogs;

public sealed partial class DialogHarness
{
    /// <summary>
    /// A person sends files in their 1:1 chat: one message whose attachments are exactly what Teams sends (see
    /// <see cref="FileAttachment"/> and <see cref="InlineImage"/>), with optional text beside them.
    /// </summary>
    public async Task SendFilesAsync(Person person, JsonArray attachments, CancellationToken cancellationToken, string text = "")
    {
        var activity = Activity("message", person, person.ConversationId, group: false, new JsonObject
        {
            ["text"] = text,
            ["textFormat"] = "plain",
            ["locale"] = "id-ID",
            ["attachments"] = attachments,
        });
        await PostQueuedAsync(activity, cancellationToken);
    }

    /// <summary>
    /// A file attached with the compose box, as Microsoft Learn documents it ("Send and receive files using bot", "Receive files in
    /// personal chat"): content type <c>application/vnd.microsoft.teams.file.download.info</c>, the name, and in the content the
    /// pre-authenticated <c>downloadUrl</c>, the drive item's <c>uniqueId</c> and the <c>fileType</c>.
    /// </summary>
    public static JsonObject FileAttachment(string name, Uri downloadUrl, string fileType) => new()
    {
        ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
        ["contentUrl"] = $"https://contoso.sharepoint.com/personal/budi_contoso_com/Documents/Applications/{name}",
        ["name"] = name,
        ["content"] = new JsonObject
        {
            ["downloadUrl"] = downloadUrl.AbsoluteUri,
            ["uniqueId"] = Guid.NewGuid().ToString("D").ToUpperInvariant(),
            ["fileType"] = fileType,
            ["etag"] = "1",
        },
    };

    /// <summary>An image pasted into the message: its <c>image/*</c> attachment with the connector's contentUrl (no name).</summary>
    public static JsonObject InlineImage(Uri contentUrl, string contentType = "image/png") => new()
    {
        ["contentType"] = contentType,
        ["contentUrl"] = contentUrl.AbsoluteUri,
    };

    /// <summary>The HTML attachment Teams adds beside a pasted image; it only places the image in the text.</summary>
    public static JsonObject HtmlBeside() => new()
    {
        ["contentType"] = "text/html",
        ["content"] = "<p>foto kegiatan</p>",
    };
}
