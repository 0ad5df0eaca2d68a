using System.Text;
using Azure;
using Azure.Storage.Blobs;

namespace PerijinanBot.Bot.OfficeCalendar;

/// <summary>What the calendar blob holds now: its ETag and text, or a reason it cannot be a calendar.</summary>
internal sealed record CalendarBlobContent(string ETag, string? Json, string? Problem);

/// <summary>The calendar blob (<c>Calendar:Blob</c>): read whole on each refresh; a calendar is a few kilobytes.</summary>
internal sealed class CalendarBlob(BlobClient client)
{
    /// <summary>A calendar is a few kilobytes; anything this large is not one, and is not read into memory.</summary>
    internal const long MaxBytes = 1024 * 1024;

    /// <summary>How the setting names it in logs: <c>container/name</c>.</summary>
    public string Name => $"{client.BlobContainerName}/{client.Name}";

    /// <summary>The blob's content, or null when the blob (or its container) does not exist. Storage failures throw.</summary>
    public async Task<CalendarBlobContent?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.DownloadStreamingAsync(cancellationToken: cancellationToken);
            using var download = response.Value;
            var eTag = download.Details.ETag.ToString();
            if (download.Details.ContentLength > MaxBytes)
            {
                return new(eTag, null, $"the blob is {download.Details.ContentLength} bytes; a work calendar is at most {MaxBytes} bytes");
            }

            // A byte order mark (Notepad writes one) is dropped here: the JSON reader would refuse it.
            using var reader = new StreamReader(download.Content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return new(eTag, await reader.ReadToEndAsync(cancellationToken), null);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
