using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.OfficeCalendar;

/// <summary>
/// Section <c>Calendar</c>: where the office's work calendar comes from. <see cref="Blob"/> shares one calendar among all
/// instances and is read again every <see cref="RefreshInterval"/>; <see cref="File"/> (else the embedded calendar) is used
/// when no blob is set, or while the blob does not exist.
/// </summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    internal static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(10);
    internal static readonly TimeSpan MaxRefreshInterval = TimeSpan.FromDays(1);

    /// <summary>Path of a calendar JSON file on this machine, in the format of <c>src/Sop/Calendar/work-calendar.json</c>.</summary>
    public string? File { get; set; }

    /// <summary>
    /// <c>container/name</c> of a calendar JSON blob in the storage account of <c>Storage:ConnectionString</c>, e.g.
    /// <c>perijinan-config/work-calendar.json</c>.
    /// </summary>
    public string? Blob { get; set; }

    /// <summary>How often the blob is read again, and the coming year's holiday list checked.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The blob's container and name, or null when <see cref="Blob"/> is not set (the validator checked the shape).</summary>
    internal (string Container, string Name)? BlobLocation => string.IsNullOrWhiteSpace(Blob) ? null : Split(Blob.Trim());

    private static (string Container, string Name) Split(string blob)
    {
        var slash = blob.IndexOf('/', StringComparison.Ordinal);
        return (blob[..slash], blob[(slash + 1)..]);
    }
}

internal sealed partial class CalendarOptionsValidator : IValidateOptions<CalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, CalendarOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.File) && !System.IO.File.Exists(options.File))
        {
            errors.Add($"Calendar:File '{options.File}' does not exist.");
        }

        if (!string.IsNullOrWhiteSpace(options.Blob) && !BlobSetting().IsMatch(options.Blob.Trim()))
        {
            errors.Add($"Calendar:Blob must be <container>/<blob name> in the bot's storage account, e.g. perijinan-config/work-calendar.json (a container name is 3-63 lowercase letters, digits and single hyphens); got '{options.Blob}'.");
        }

        if (options.RefreshInterval < CalendarOptions.MinRefreshInterval || options.RefreshInterval > CalendarOptions.MaxRefreshInterval)
        {
            errors.Add($"Calendar:RefreshInterval must be between 00:00:10 and 1.00:00:00; got {options.RefreshInterval}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^(?=[a-z0-9-]{3,63}/)[a-z0-9]+(?:-[a-z0-9]+)*/[^/].{0,1023}$", RegexOptions.CultureInvariant)]
    private static partial Regex BlobSetting();
}
