using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace PerijinanBot.Sop.Engine;

[JsonConverter(typeof(CamelCaseEnumConverter<RefusalCode>))]
public enum RefusalCode
{
    /// <summary>The person is not in the directory.</summary>
    NotRegistered,

    /// <summary>The person may not do this (not the assignee nor their Plh., not a superior, not allowed to cancel or start).</summary>
    NotYours,

    /// <summary>The card is out of date: the step or the kegiatan version changed. The message says what happened.</summary>
    Stale,

    /// <summary>The kegiatan is closed or cancelled.</summary>
    Finished,

    /// <summary>The current step does not offer this action.</summary>
    NotAvailable,

    /// <summary>Not every kelengkapan item is ticked.</summary>
    IncompleteKelengkapan,

    /// <summary>A form field or the reassignment target is wrong.</summary>
    InvalidInput,

    /// <summary>The reason of a Tidak or cancellation is empty or too long.</summary>
    InvalidReason,

    /// <summary>The step timed from the jadwal (its execution) is recorded before the jadwal's day.</summary>
    TooEarly,

    /// <summary>The SOP (or the version the kegiatan is pinned to) is not loaded.</summary>
    UnknownDefinition,
}

/// <summary>Why nothing changed, in Indonesian, for the person who tried.</summary>
public sealed record Refusal(RefusalCode Code, string Message);

/// <summary>Either the new state and its events (to be stored together), or a refusal; never both.</summary>
public sealed record CommandResult
{
    private CommandResult(Kegiatan? state, IReadOnlyList<KegiatanEvent> events, Refusal? refusal)
    {
        State = state;
        Events = events;
        Refusal = refusal;
    }

    public Kegiatan? State { get; }

    public IReadOnlyList<KegiatanEvent> Events { get; }

    public Refusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(State))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsAccepted => Refusal is null;

    public static CommandResult Accepted(Kegiatan state, IReadOnlyList<KegiatanEvent> events) => new(state, events, null);

    public static CommandResult Refused(RefusalCode code, string message) => new(null, [], new Refusal(code, message));
}

/// <summary>An action the person may take now: one card button. <see cref="As"/> says whether they would act as Plh.</summary>
public sealed record PermittedAction(SopTrigger Trigger, int Step, Actor As);
