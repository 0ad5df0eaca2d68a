using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Meetings;

/// <summary>
/// The facilitation's event as the bot last gave it to Graph: where it lives (organiser and id) and the start, end and place
/// it was given, so a later run knows whether anything moved. <see cref="Cancelled"/> is final.
/// </summary>
/// <param name="Attendees">The invited UPNs as <see cref="CalendarInvitation.AttendeeKey"/> wrote them; null for an event stored before they were kept.</param>
public sealed record CalendarEvent(string Number, string EventId, string Organizer, DateTimeOffset Start, DateTimeOffset End, string Location, bool Cancelled = false, string? Attendees = null);

/// <summary>Table <c>{prefix}CalendarEvents</c>: one row per kegiatan (PK = its number).</summary>
internal sealed class CalendarEvents(TableProvider tables, IOptions<StorageOptions> options)
{
    public const string TableName = "CalendarEvents";

    // One event per kegiatan: the partition is the kegiatan, the row key is fixed.
    private const string Row = "event";

    // Environments sharing one storage account keep apart by the workflow's table prefix.
    private readonly string _name = options.Value.TableName(TableName);

    public async Task<CalendarEvent?> FindAsync(string number, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_name, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(number), Row, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } row)
        {
            return null;
        }

        return new CalendarEvent(
            number,
            row.GetString("EventId"),
            row.GetString("Organizer"),
            row.GetDateTimeOffset("Start") ?? DateTimeOffset.MinValue,
            row.GetDateTimeOffset("End") ?? DateTimeOffset.MinValue,
            row.GetString("Location") ?? "",
            row.GetBoolean("Cancelled") ?? false,
            row.GetString("Attendees"));
    }

    /// <summary>Writes what Graph now holds. The outbox runs one kegiatan's items one at a time, so the last write is the truth.</summary>
    public async Task SaveAsync(CalendarEvent calendarEvent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        var table = await tables.GetAsync(_name, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(calendarEvent.Number), Row)
        {
            ["Number"] = calendarEvent.Number,
            ["EventId"] = calendarEvent.EventId,
            ["Organizer"] = calendarEvent.Organizer,
            ["Start"] = calendarEvent.Start,
            ["End"] = calendarEvent.End,
            ["Location"] = calendarEvent.Location,
            ["Cancelled"] = calendarEvent.Cancelled,
            ["Attendees"] = calendarEvent.Attendees,
            ["UpdatedAt"] = now,
        }, TableUpdateMode.Replace, cancellationToken);
    }
}
