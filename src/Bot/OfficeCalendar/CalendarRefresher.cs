using Microsoft.Extensions.Options;
using PerijinanBot.Sop.Calendar;

namespace PerijinanBot.Bot.OfficeCalendar;

/// <summary>What the calendar in use came from (<see cref="PublicOrigin"/> without paths or names, for /healthz), and whether the blob was refused.</summary>
internal sealed record CalendarStatus(string Origin, string PublicOrigin, bool BlobInvalid);

/// <summary>
/// Keeps the calendar in force current on this instance: at start (before the bot takes requests) and every
/// <c>Calendar:RefreshInterval</c>, reads <c>Calendar:Blob</c> when set. A new valid blob replaces the calendar; an invalid one
/// is refused with its problems logged, and the calendar in use stays; a missing blob means the local calendar
/// (<see cref="LocalCalendar"/>); storage that does not answer changes nothing. Each pass also warns when a year without a
/// holiday list is 30 days away or has begun.
/// </summary>
internal sealed class CalendarRefresher : BackgroundService
{
    /// <summary>How long the start waits for the blob before it goes on with the local calendar (the next pass tries again).</summary>
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(15);

    private const string Missing = "(missing)";

    private readonly WorkCalendarSource _source;
    private readonly LocalCalendar _local;
    private readonly CalendarBlob? _blob;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger<CalendarRefresher> _logger;
    private PeriodicTimer? _timer;
    private TaskCompletionSource _passed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CalendarStatus _status;
    private string? _lastSeen;
    private bool _unreadable;
    private (int? Year, WorkCalendar Calendar)? _warned;

    public CalendarRefresher(WorkCalendarSource source, LocalCalendar local, CalendarBlob? blob, IOptions<CalendarOptions> options, TimeProvider time, ILogger<CalendarRefresher> logger)
    {
        _source = source;
        _local = local;
        _blob = blob;
        _interval = options.Value.RefreshInterval;
        _time = time;
        _logger = logger;
        _status = new(local.Origin, local.PublicOrigin, BlobInvalid: false);
    }

    public CalendarStatus Status => Volatile.Read(ref _status);

    /// <summary>Completes when the next periodic pass has finished: what a test awaits after moving the clock, instead of sleeping.</summary>
    internal Task NextPass => Volatile.Read(ref _passed).Task;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(StartDeadline);
            await PassAsync(starting: true, deadline.Token, cancellationToken);
        }

        // Made before the host finishes starting, so that no tick of the clock is missed.
        _timer = new PeriodicTimer(_interval, _time);
        await base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _timer!.WaitForNextTickAsync(stoppingToken))
        {
            await PassAsync(starting: false, stoppingToken, stoppingToken);
            Interlocked.Exchange(ref _passed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private async Task PassAsync(bool starting, CancellationToken readToken, CancellationToken stoppingToken)
    {
        if (_blob is not null)
        {
            await FromBlobAsync(_blob, starting, readToken, stoppingToken);
        }
        else if (starting)
        {
            LogInUse(_local.Origin);
        }

        WarnOfMissingHolidayList();
    }

    private async Task FromBlobAsync(CalendarBlob blob, bool starting, CancellationToken readToken, CancellationToken stoppingToken)
    {
        CalendarBlobContent? content;
        try
        {
            content = await blob.ReadAsync(readToken);
            _unreadable = false;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // Storage down or slow: whatever is in use stays; /healthz's blob check says storage is failing.
            if (!_unreadable)
            {
                CalendarLog.BlobUnreadable(_logger, e, blob.Name, Status.Origin, _interval);
                _unreadable = true;
            }

            if (starting)
            {
                LogInUse(Status.Origin);
            }

            return;
        }

        if (content is null)
        {
            if (_lastSeen != Missing)
            {
                // The same calendar every instance starting now gets, so that all instances agree.
                _lastSeen = Missing;
                _source.Replace(_local.Calendar);
                Volatile.Write(ref _status, new(_local.Origin, _local.PublicOrigin, BlobInvalid: false));
                CalendarLog.BlobMissing(_logger, blob.Name, _local.Origin, _interval);
                LogInUse(_local.Origin);
            }

            return;
        }

        if (content.ETag == _lastSeen)
        {
            return; // unchanged: still in use, or already refused
        }

        _lastSeen = content.ETag;
        WorkCalendar calendar;
        try
        {
            calendar = content.Problem is { } problem ? throw new WorkCalendarException(problem) : WorkCalendar.FromJson(content.Json!);
        }
        catch (WorkCalendarException e)
        {
            CalendarLog.BlobInvalid(_logger, blob.Name, content.ETag, Status.Origin, string.Join(" | ", e.Errors));
            Volatile.Write(ref _status, Status with { BlobInvalid = true });
            if (starting)
            {
                LogInUse(Status.Origin);
            }

            return;
        }

        _source.Replace(calendar);
        Volatile.Write(ref _status, new($"Calendar:Blob {blob.Name} (ETag {content.ETag})", "Calendar:Blob", BlobInvalid: false));
        LogInUse(Status.Origin);
    }

    private void LogInUse(string origin)
    {
        var data = _source.Current.Data;
        var years = data.HolidayLists.Count == 0 ? "no year" : string.Join(", ", data.HolidayLists.Select(l => l.Year).Order());
        var ranges = data.SpecialHours.Count == 0 ? "none" : string.Join(", ", data.SpecialHours.Select(r => $"{r.Name} {r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd}"));
        CalendarLog.InUse(_logger, origin, years, ranges);
    }

    /// <summary>Logged once per year and calendar: again only when another year is missing or another calendar comes.</summary>
    private void WarnOfMissingHolidayList()
    {
        var calendar = _source.Current;
        var year = calendar.YearWithoutHolidayList(calendar.LocalDate(_time.GetUtcNow()), HolidayListWarning.DaysAhead);
        if (_warned is { } warned && warned.Year == year && ReferenceEquals(warned.Calendar, calendar))
        {
            return;
        }

        _warned = (year, calendar);
        if (year is { } missing)
        {
            CalendarLog.NoHolidayList(_logger, missing);
        }
    }
}
