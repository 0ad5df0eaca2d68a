using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Storage;

/// <summary>Section <c>Workflow:Storage</c>: kegiatan numbers and outbox delivery (table names and the instance id: <see cref="StorageOptions"/>).</summary>
public sealed class WorkflowStorageOptions
{
    public const string Section = "Workflow:Storage";

    /// <summary>First part of every kegiatan number: <c>{NumberPrefix}-{year}-{serial:D4}</c>.</summary>
    public string NumberPrefix { get; set; } = "FAS";

    /// <summary>Serial of the first kegiatan of a year (for a register that did not start at 1).</summary>
    public int FirstSerial { get; set; } = 1;

    /// <summary>The year of a number is the office's year (WIB), not UTC's: a start at 06:00 WIB on 1 January is in the new year.</summary>
    public string NumberTimeZone { get; set; } = "Asia/Jakarta";

    /// <summary>How often the dispatcher reads the <c>OutboxPending</c> markers (cheap: one row per kegiatan with pending work).</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often (besides at start-up) the dispatcher scans the kegiatan table for outbox rows. This returns only the rows
    /// waiting, but the service filters every row of the table to find them (no secondary index), so it is kept slow; it only
    /// matters when an instance died between a commit and writing its marker.
    /// </summary>
    public TimeSpan OutboxSweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// After a pass of a kegiatan this instance committed for fails (storage unreachable), how long until this instance
    /// tries it again; it keeps trying at this pace until storage answers (the marker for the poll may have failed too).
    /// </summary>
    public TimeSpan OutboxRetryAfterFailure { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claim on an outbox item keeps other instances away. Must exceed <see cref="HandlerTimeout"/>.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A handler running longer is cancelled, so that its claim cannot expire while it still works.</summary>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After this many failed attempts an item is marked Poison: kept and visible, no longer retried automatically.</summary>
    public int MaxAttempts { get; set; } = 12;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many kegiatan one instance delivers for at the same time (items within one kegiatan go in order).</summary>
    public int MaxParallelKegiatan { get; set; } = 4;

    /// <summary>The health check warns (Degraded) when the oldest item still pending has waited longer than this.</summary>
    public TimeSpan PendingWarnAge { get; set; } = TimeSpan.FromMinutes(15);

}

internal sealed partial class WorkflowStorageOptionsValidator : IValidateOptions<WorkflowStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkflowStorageOptions options)
    {
        var errors = new List<string>();
        if (!Prefix().IsMatch(options.NumberPrefix ?? ""))
        {
            errors.Add("Workflow:Storage:NumberPrefix must be 1-10 capital letters or digits (e.g. FAS).");
        }

        if (options.FirstSerial < 1)
        {
            errors.Add("Workflow:Storage:FirstSerial must be 1 or more.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.NumberTimeZone ?? "", out _))
        {
            errors.Add($"Workflow:Storage:NumberTimeZone '{options.NumberTimeZone}' is not a known time zone (e.g. Asia/Jakarta).");
        }

        foreach (var (key, value) in new[]
        {
            (nameof(options.OutboxPollInterval), options.OutboxPollInterval),
            (nameof(options.OutboxSweepInterval), options.OutboxSweepInterval),
            (nameof(options.OutboxRetryAfterFailure), options.OutboxRetryAfterFailure),
            (nameof(options.ClaimLease), options.ClaimLease),
            (nameof(options.HandlerTimeout), options.HandlerTimeout),
            (nameof(options.RetryBaseDelay), options.RetryBaseDelay),
            (nameof(options.RetryMaxDelay), options.RetryMaxDelay),
            (nameof(options.PendingWarnAge), options.PendingWarnAge),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"Workflow:Storage:{key} must be positive.");
            }
        }

        if (options.HandlerTimeout >= options.ClaimLease)
        {
            errors.Add("Workflow:Storage:HandlerTimeout must be shorter than ClaimLease, or a slow handler's item could be claimed twice.");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            errors.Add("Workflow:Storage:RetryMaxDelay must not be shorter than RetryBaseDelay.");
        }

        if (options.MaxAttempts < 1 || options.MaxParallelKegiatan < 1)
        {
            errors.Add("Workflow:Storage:MaxAttempts and MaxParallelKegiatan must be 1 or more.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[A-Z0-9]{1,10}$")]
    private static partial Regex Prefix();

}
