using System.Text.Json.Nodes;

namespace PerijinanBot.Protocol;

/// <summary>
/// A file a person sent to the bot in a 1:1 chat, as it arrives among the message's attachments. Two documented shapes:
/// <list type="bullet">
/// <item>A file attached with the compose box (needs <c>"supportsFiles": true</c> in the manifest's bot entry): content type
/// <c>application/vnd.microsoft.teams.file.download.info</c>, the file's name in <c>name</c>, and in <c>content</c> a
/// <c>downloadUrl</c> (pre-authenticated: a plain GET fetches the bytes), <c>uniqueId</c> (the OneDrive drive item id) and
/// <c>fileType</c> (the extension, e.g. <c>pdf</c>). Microsoft Learn, "Send and receive files using bot", section "Receive
/// files in personal chat" (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/bots-filesv4; MicrosoftDocs/msteams-docs
/// <c>msteams-platform/bots/how-to/bots-filesv4.md</c>).</item>
/// <item>An image pasted into the message: an attachment of content type <c>image/*</c> whose <c>contentUrl</c> (on the Bot
/// Connector, <c>…/v3/attachments/{id}/views/original</c>) is fetched with the bot's own connector token; a <c>text/html</c>
/// attachment beside it only places the image in the text. Same page, "Fetch inline images from message"; Teams SDK guide
/// "Receiving Inline Images" (https://microsoft.github.io/teams-sdk/csharp/in-depth-guides/file-handling/receiving-inline-images).</item>
/// </list>
/// Sending a file to a person goes through a FileConsentCard and a <c>fileConsent/invoke</c>; receiving needs no consent.
/// </summary>
/// <param name="Name">The name the person's file had (display only: the type is decided by the bytes).</param>
/// <param name="Url">Where the bytes are.</param>
/// <param name="NeedsBotToken">An inline image: the URL is on the Bot Connector and wants the bot's token.</param>
/// <param name="DeclaredType">What the sender's side says the file is (<c>fileType</c> or the image media type); never trusted.</param>
/// <param name="UniqueId">The drive item id of a file attachment; null for an inline image.</param>
public sealed record ReceivedFile(string Name, Uri Url, bool NeedsBotToken, string? DeclaredType, string? UniqueId);

public static class TeamsFiles
{
    public const string FileDownloadInfoContentType = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>The files among an activity's attachments, in order. Cards, HTML and other attachments are skipped.</summary>
    public static IReadOnlyList<ReceivedFile> Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var files = new List<ReceivedFile>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (Read(attachment) is { } file)
            {
                files.Add(file);
            }
        }

        return files;
    }

    /// <summary>Whether an attachment is a file sent to the bot (either shape), even one whose URL cannot be read.</summary>
    public static bool IsFile(Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return string.Equals(attachment.ContentType, FileDownloadInfoContentType, StringComparison.OrdinalIgnoreCase)
            || (attachment.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true && attachment.ContentUrl is not null);
    }

    /// <summary>The file an attachment describes; null when it is not a file or its URL is not an absolute http(s) address.</summary>
    public static ReceivedFile? Read(Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (string.Equals(attachment.ContentType, FileDownloadInfoContentType, StringComparison.OrdinalIgnoreCase))
        {
            var content = attachment.Content as JsonObject;
            return WebAddress(Text(content, "downloadUrl")) is { } download
                ? new ReceivedFile(attachment.Name ?? "", download, NeedsBotToken: false, Text(content, "fileType"), Text(content, "uniqueId"))
                : null;
        }

        if (attachment.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true && WebAddress(attachment.ContentUrl) is { } image)
        {
            return new ReceivedFile(attachment.Name ?? "", image, NeedsBotToken: true, attachment.ContentType, UniqueId: null);
        }

        return null;
    }

    private static string? Text(JsonObject? content, string property) =>
        content?[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static Uri? WebAddress(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}
