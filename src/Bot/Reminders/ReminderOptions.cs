using System.Globalization;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Reminders;

/// <summary>Section <c>Reminders</c>: how often the sweep looks for due reminders and when the daily digest goes out.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>False: this instance runs no sweep of its own (reminders are still scheduled; another instance sends them).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often due reminders are looked for. A reminder fires at most this plus <see cref="ClaimLease"/> late.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed reminder stays with the instance that claimed it before another may take it over.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>When the daily digest goes out on working days (WIB, <c>HH:mm</c>).</summary>
    public string DigestAt { get; set; } = "07:30";

    internal TimeOnly DigestTime => TimeOnly.ParseExact(DigestAt, "HH:mm", CultureInfo.InvariantCulture);
}

internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var errors = new List<string>();
        if (options.PollInterval < TimeSpan.FromSeconds(1) || options.PollInterval > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{ReminderOptions.Section}:PollInterval must be between 1 second and 10 minutes; got {options.PollInterval}.");
        }

        if (options.ClaimLease < TimeSpan.FromSeconds(15) || options.ClaimLease > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{ReminderOptions.Section}:ClaimLease must be between 15 seconds and 10 minutes; got {options.ClaimLease}.");
        }

        if (!TimeOnly.TryParseExact(options.DigestAt ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add($"{ReminderOptions.Section}:DigestAt must be a time of day as HH:mm (WIB), e.g. 07:30; got '{options.DigestAt}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
