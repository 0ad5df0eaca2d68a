using System.Diagnostics;

namespace PerijinanBot.Bot.Telemetry;

/// <summary>
/// One span per turn on the ActivitySource <see cref="SourceName"/>, tagged with the activity's type and, as the handlers
/// learn them, the verb or command and the kegiatan number. Without a listener (telemetry off) nothing is created.
/// </summary>
public static class BotTracing
{
    public const string SourceName = "PerijinanBot";

    public const string KegiatanTag = "perijinanbot.kegiatan";
    public const string ActivityTypeTag = "perijinanbot.activity_type";
    public const string VerbTag = "perijinanbot.verb";
    public const string CommandTag = "perijinanbot.command";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>The turn's span; dispose it when the turn ends.</summary>
    public static Activity? StartTurn(string? activityType, string? name)
    {
        var span = Source.StartActivity("turn " + (activityType ?? "unknown"), ActivityKind.Internal);
        span?.SetTag(ActivityTypeTag, activityType);
        if (name is not null)
        {
            span?.SetTag("perijinanbot.activity_name", name);
        }

        return span;
    }

    /// <summary>The kegiatan this turn is about, on the turn's span (outside a turn, e.g. in the outbox, nothing happens).</summary>
    public static void TagKegiatan(string? number) => Tag(KegiatanTag, number);

    public static void TagVerb(string verb) => Tag(VerbTag, verb);

    public static void TagCommand(string command) => Tag(CommandTag, command);

    private static void Tag(string key, string? value)
    {
        if (value is not null && Turn() is { } span)
        {
            span.SetTag(key, value);
        }
    }

    // The nearest enclosing turn span: a child span (an HTTP call, a storage request) may be current while the handler runs.
    private static Activity? Turn()
    {
        for (var span = Activity.Current; span is not null; span = span.Parent)
        {
            if (ReferenceEquals(span.Source, Source))
            {
                return span;
            }
        }

        return null;
    }
}
