using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.People;
using PerijinanBot.Dialogs.Reminders;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Reminders;

/// <summary>
/// At 07.30 WIB on working days: to everyone with open steps, their tasks (due times, late ones first); the Kepala Bidang
/// and the Kepala Dinas also get the Bidang's count of open and late kegiatan. A Plh. in force that day also finds the open steps
/// of the person they stand in for, marked "Sebagai Plh. …" (the same stand-ins the reminders reach). Each person gets it once a day whichever
/// instance runs first (delivery ledger key <c>digest|{date}|{person}</c>); weekends and holidays get none.
/// </summary>
internal sealed class DailyDigest(KegiatanService kegiatan, StaffingSource staffingSource, TaskIndex tasks, PeopleDirectory people, ReminderSender sender, IOptions<ReminderOptions> options)
{
    private DateOnly? _doneFor;

    /// <summary>Sends the digest of <paramref name="now"/>'s day if it is due and not sent yet; returns how many cards were posted.</summary>
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = kegiatan.Calendar;
        var today = calendar.LocalDate(now);
        if (_doneFor == today || !calendar.IsWorkingDay(today) || TimeOnly.FromDateTime(calendar.ToLocal(now).DateTime) < options.Value.DigestTime)
        {
            return 0;
        }

        var bidang = await BidangLineAsync(now, cancellationToken);
        var views = SopCardViews.For(calendar, now, people);
        var staffing = staffingSource.Now;
        var sent = 0;
        var complete = true;
        foreach (var person in people.People)
        {
            var leader = person.Holds(Role.KepalaBidang) || person.Holds(Role.KepalaDinas);
            var open = await OpenStepsAsync(person.AadObjectId, cancellationToken);
            foreach (var holderId in HoldersFor(staffing, person.AadObjectId, today))
            {
                open.AddRange(await OpenStepsAsync(holderId, cancellationToken));
            }

            if (open.Count == 0 && !leader)
            {
                continue;
            }

            var card = DigestCard.Build(new DigestCardView(
                ReminderViews.DigestTitle,
                WibFormat.Date(today),
                leader ? bidang : null,
                views.Tasks(open, person.AadObjectId, state => kegiatan.ActingAs(state, person.AadObjectId))));
            var key = $"digest|{today:yyyy-MM-dd}|{person.AadObjectId.ToLowerInvariant()}";
            switch (await sender.SendOnceAsync(key, person.AadObjectId, card, cancellationToken))
            {
                case SendResult.Sent:
                    sent++;
                    break;
                case SendResult.Failed:
                    complete = false;
                    break;
                default:
                    break;
            }
        }

        if (complete)
        {
            _doneFor = today;
        }

        return sent;
    }

    private async Task<string> BidangLineAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The due index has one row per open kegiatan (closed ones have none): counting it reads only what is open.
        var open = await tasks.DueAsync(now.AddYears(100), cancellationToken);
        var late = open.Count(d => d.DueAt < now);
        return ReminderViews.BidangLine(open.Count, late);
    }

    /// <summary>Whom <paramref name="personId"/> stands in for on <paramref name="today"/>, each once.</summary>
    private static IEnumerable<string> HoldersFor(Staffing staffing, string personId, DateOnly today) =>
        staffing.Delegations
            .Select(d => d.HolderId)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(holderId => StandIns.Of(staffing, holderId, today).Any(s => string.Equals(s.StandIn.Id, personId, StringComparison.OrdinalIgnoreCase)));

    private async Task<List<(Kegiatan Kegiatan, SopDefinition Definition)>> OpenStepsAsync(string personId, CancellationToken cancellationToken)
    {
        var open = new List<(Kegiatan, SopDefinition)>();
        foreach (var task in await tasks.ForAsync(personId, cancellationToken))
        {
            // The index may lag a decision by a moment: trust the kegiatan itself.
            if (await kegiatan.FindAsync(task.Number, cancellationToken) is { Current.Assignee: { } assignee } state
                && string.Equals(assignee.Id, personId, StringComparison.OrdinalIgnoreCase)
                && kegiatan.DefinitionOf(state) is { } definition)
            {
                open.Add((state, definition));
            }
        }

        return open;
    }
}
