using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Decisions;

/// <summary>Section <c>Sop</c>: how far the bot believes what a step card says about time.</summary>
public sealed class SopOptions
{
    public const string Section = "Sop";

    internal static readonly TimeSpan ShortestFormOpenWindow = TimeSpan.FromMinutes(1);
    internal static readonly TimeSpan LongestFormOpenWindow = TimeSpan.FromDays(7);

    /// <summary>
    /// How long before the click the step-1 form (<c>mulai</c>) may have been opened for step 1 to count from that moment.
    /// A form opened earlier counts from the click minus this window, so a card left open for days cannot skew step 1.
    /// </summary>
    public TimeSpan MaxFormOpenWindow { get; set; } = TimeSpan.FromDays(1);
}

internal sealed class SopOptionsValidator : IValidateOptions<SopOptions>
{
    public ValidateOptionsResult Validate(string? name, SopOptions options) =>
        options.MaxFormOpenWindow < SopOptions.ShortestFormOpenWindow || options.MaxFormOpenWindow > SopOptions.LongestFormOpenWindow
            ? ValidateOptionsResult.Fail($"{SopOptions.Section}:MaxFormOpenWindow must be between 1 minute and 7 days (e.g. 1.00:00:00); got {options.MaxFormOpenWindow}.")
            : ValidateOptionsResult.Success;
}
