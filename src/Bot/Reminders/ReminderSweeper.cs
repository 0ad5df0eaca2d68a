using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Dialogs.Reminders;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;
using PerijinanBot.Sop.Reminders;

namespace PerijinanBot.Bot.Reminders;

/// <summary>
/// Sends the reminders whose time has come: reads only the open-steps rows whose reminder is due, claims each with an
/// ETag-conditional write (so with several instances one sends it), re-reads the kegiatan (a step that moved on or closed
/// gets nothing), sends through the delivery ledger (exactly once per reminder and person; a Plh. in force gets the
/// holder's reminders too), then writes the ladder's next reminder onto the row under the claim's ETag. Nothing is sent
/// outside working time. Also triggers the daily digest.
/// </summary>
internal sealed class ReminderSweeper : BackgroundService
{
    private readonly ReminderRows _table;
    private readonly KegiatanService _kegiatan;
    private readonly StaffingSource _staffing;
    private readonly PeopleDirectory _people;
    private readonly ReminderSender _sender;
    private readonly DailyDigest _digest;
    private readonly ReminderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ReminderSweeper> _logger;

    public ReminderSweeper(
        ReminderRows table,
        KegiatanService kegiatan,
        StaffingSource staffing,
        PeopleDirectory people,
        ReminderSender sender,
        DailyDigest digest,
        IOptions<ReminderOptions> options,
        IOptions<StorageOptions> storage,
        TimeProvider time,
        ILogger<ReminderSweeper> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        _table = table;
        _kegiatan = kegiatan;
        _staffing = staffing;
        _people = people;
        _sender = sender;
        _digest = digest;
        _options = options.Value;
        _time = time;
        _logger = logger;
        InstanceId = storage.Value.InstanceId!;
    }

    /// <summary>The name this instance claims reminders under.</summary>
    public string InstanceId { get; }

    /// <summary>One pass at <paramref name="now"/>: claims and sends every due reminder; returns how many cards were posted.</summary>
    public async Task<int> SweepOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_kegiatan.Calendar.IsWorkingTime(now))
        {
            return 0; // Evening, weekend, holiday: whatever is due waits for the next working start.
        }

        var sent = 0;
        foreach (var claimed in await ClaimDueAsync(now, cancellationToken))
        {
            try
            {
                sent += await DeliverAsync(claimed, now, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The claim lapses and another pass (here or elsewhere) takes it up; the ledger keeps that from doubling.
                ReminderLog.PassFailed(_logger, e, claimed.Key);
            }
        }

        return sent;
    }

    /// <summary>Claims the due rows nobody holds; a claim ends with the row's move, or lapses after the lease.</summary>
    internal async Task<IReadOnlyList<ScheduledReminder>> ClaimDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = new List<ScheduledReminder>();
        foreach (var row in await _table.DueAsync(now, cancellationToken))
        {
            if (await _table.TryClaimAsync(row, InstanceId, now, _options.ClaimLease, cancellationToken) is { } claim)
            {
                claimed.Add(claim);
            }
        }

        return claimed;
    }

    /// <summary>Sends one claimed reminder and schedules the next; returns how many cards were posted.</summary>
    internal async Task<int> DeliverAsync(ScheduledReminder row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = await _kegiatan.FindAsync(row.Number, cancellationToken);
        var current = state?.Current;
        var definition = state is null ? null : _kegiatan.DefinitionOf(state);
        if (state is null || current is null || definition is null || current.Step != row.Step || current.Attempt != row.Attempt
            || current.Reschedules.Count != row.Schedule)
        {
            // The step moved on, its jadwal was moved, or the kegiatan closed: the outbox of that decision places what comes
            // next, if anything (unless it has done so already, the row then being newer than the claim).
            await _table.MoveAsync(row, null, cancellationToken);
            return 0;
        }

        // One calendar for the whole delivery, even if a new one is published meanwhile.
        var calendar = _kegiatan.Calendar;
        var ladder = new ReminderLadder(definition, calendar);
        var step = definition.Step(row.Step);
        var reminder = ladder.Schedule(current).FirstOrDefault(r => r.Kind == row.Kind && r.Occurrence == row.Occurrence)
            ?? new Reminder(row.Step, row.Attempt, row.Kind, row.Occurrence, row.FireAt, AudienceOf(row.Kind), row.Kind == ReminderKind.Escalation ? ladder.SuperiorOf(step) : null, row.Schedule);
        if (!calendar.IsWorkingTime(reminder.FireAt))
        {
            ReminderLog.OutsideWorkingTime(_logger, row.Key);
        }

        var view = ReminderViews.Reminder(state, definition, reminder, calendar, now);
        var card = ReminderCard.Build(view);
        var sent = 0;
        var recipients = Recipients(state, reminder, current);
        foreach (var (person, standsInFor) in WithStandIns(recipients, calendar.LocalDate(now)))
        {
            // A Plh. gets the holder's reminder under a key of their own, saying whom they receive it for.
            var key = standsInFor is not null ? $"{reminder.DedupeKey(state.Number)}|plh|{person.Id.ToLowerInvariant()}"
                : reminder.Audience == ReminderAudience.Assignee ? reminder.DedupeKey(state.Number)
                : $"{reminder.DedupeKey(state.Number)}|{person.Id.ToLowerInvariant()}";
            var personal = standsInFor is null ? card : ReminderCard.Build(ReminderViews.ForStandIn(view, standsInFor.Value.Title, standsInFor.Value.Holder.Name, standsInFor.Value.Basis));
            switch (await _sender.SendOnceAsync(key, person.Id, personal, cancellationToken))
            {
                case SendResult.Sent:
                    sent++;
                    break;
                case SendResult.Failed:
                    return sent; // keep the row; after the lease it is tried again, and those already sent are not repeated
                default:
                    break;
            }
        }

        // A decision since the claim has rewritten the row with its own reminder: then this move writes nothing.
        await _table.MoveAsync(row, ladder.After(current, reminder, now), cancellationToken);
        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        await Task.Yield();
        ReminderLog.Started(_logger, InstanceId, _options.PollInterval);
        using var timer = new PeriodicTimer(_options.PollInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = _time.GetUtcNow();
                await GuardedAsync("sweep", () => SweepOnceAsync(now, stoppingToken), stoppingToken);
                await GuardedAsync("digest", () => _digest.RunAsync(now, stoppingToken), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private List<PersonRef> Recipients(Kegiatan kegiatan, Reminder reminder, StepRecord current)
    {
        var people = new List<PersonRef>();
        void Add(PersonRef? person)
        {
            if (person is { Id.Length: > 0 } && !people.Exists(p => string.Equals(p.Id, person.Id, StringComparison.OrdinalIgnoreCase)))
            {
                people.Add(person);
            }
        }

        switch (reminder.Audience)
        {
            case ReminderAudience.Assignee:
                Add(current.Assignee);
                break;
            case ReminderAudience.Team:
                Add(kegiatan.Starter);
                foreach (var person in kegiatan.AssignedAtStart.Values)
                {
                    Add(person);
                }

                Add(current.Assignee);
                break;
            case ReminderAudience.Superior when reminder.SuperiorRole is { } role:
                // The holder who already works on this kegiatan (the Ketua who started it), else every holder of the role.
                var holders = _people.HoldersOf(role);
                var involved = kegiatan.Participants().Where(p => holders.Any(h => string.Equals(h.AadObjectId, p.Id, StringComparison.OrdinalIgnoreCase))).ToList();
                foreach (var person in involved.Count > 0 ? involved : holders.Select(h => new PersonRef(h.AadObjectId, h.Name)))
                {
                    Add(person);
                }

                break;
            default:
                break;
        }

        return people;
    }

    /// <summary>
    /// The recipients, then the Plh. of each of them in force on <paramref name="today"/> (once each; someone who is a
    /// recipient in their own right gets it once, as themselves).
    /// </summary>
    private List<(PersonRef Person, (PersonRef Holder, string Title, string Basis)? StandsInFor)> WithStandIns(List<PersonRef> recipients, DateOnly today)
    {
        var all = recipients.Select(p => (Person: p, StandsInFor: ((PersonRef Holder, string Title, string Basis)?)null)).ToList();
        var staffing = _staffing.Now;
        foreach (var holder in recipients)
        {
            foreach (var (standIn, delegation) in StandIns.Of(staffing, holder.Id, today))
            {
                if (!all.Exists(r => string.Equals(r.Person.Id, standIn.Id, StringComparison.OrdinalIgnoreCase)))
                {
                    var position = staffing.People.Find(holder.Id) is { } official ? StandInRules.PositionOf(official) : holder.Name;
                    all.Add((standIn, (holder, StandInRules.Title(delegation.Kind, position), delegation.BasisText)));
                }
            }
        }

        return all;
    }

    private static ReminderAudience AudienceOf(ReminderKind kind) => kind switch
    {
        ReminderKind.Escalation => ReminderAudience.Superior,
        ReminderKind.Jadwal or ReminderKind.JadwalDayBefore => ReminderAudience.Team,
        _ => ReminderAudience.Assignee,
    };

    private async Task GuardedAsync(string what, Func<Task<int>> pass, CancellationToken cancellationToken)
    {
        try
        {
            await pass();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            ReminderLog.PassFailed(_logger, e, what);
        }
    }
}
