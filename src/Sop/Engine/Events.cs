using System.Text.Json.Serialization;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Engine;

/// <summary>
/// What an accepted command changed, for the history and for notifying people. A closed set; every event carries the kegiatan
/// number, the kegiatan version after the command, and when it happened.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(KegiatanStarted), "kegiatanStarted")]
[JsonDerivedType(typeof(StepAssigned), "stepAssigned")]
[JsonDerivedType(typeof(StepSubmitted), "stepSubmitted")]
[JsonDerivedType(typeof(StepApproved), "stepApproved")]
[JsonDerivedType(typeof(StepSentBack), "stepSentBack")]
[JsonDerivedType(typeof(ExecutionRecorded), "executionRecorded")]
[JsonDerivedType(typeof(ReportSubmitted), "reportSubmitted")]
[JsonDerivedType(typeof(Reassigned), "reassigned")]
[JsonDerivedType(typeof(Cancelled), "cancelled")]
[JsonDerivedType(typeof(Rescheduled), "rescheduled")]
[JsonDerivedType(typeof(Closed), "closed")]
[JsonDerivedType(typeof(KoperasiEdited), "koperasiEdited")]
public abstract record KegiatanEvent(string Number, int Version, DateTimeOffset At);

/// <summary>The start step was done; it is measured like any other step.</summary>
public sealed record KegiatanStarted(string Number, int Version, DateTimeOffset At, Actor By, string DefinitionId, int DefinitionVersion, int Step, StepMeasurement Measurement)
    : KegiatanEvent(Number, Version, At);

/// <summary>A step is now waiting for <paramref name="Assignee"/> (null: nobody holds <paramref name="Role"/>; tell the Admin). Send them the card.</summary>
public sealed record StepAssigned(string Number, int Version, DateTimeOffset At, int Step, int Attempt, PersonRef? Assignee, Role Role, DateTimeOffset ClockStartsAt, DateTimeOffset DueAt, bool IsRework)
    : KegiatanEvent(Number, Version, At);

public sealed record StepSubmitted(string Number, int Version, DateTimeOffset At, int Step, Actor By, StepMeasurement Measurement)
    : KegiatanEvent(Number, Version, At);

/// <summary>Setuju. <paramref name="WorkOf"/> is whoever did the work that was approved (tell them).</summary>
public sealed record StepApproved(string Number, int Version, DateTimeOffset At, int Step, Actor By, StepMeasurement Measurement, PersonRef? WorkOf)
    : KegiatanEvent(Number, Version, At);

/// <summary>Tidak: back to <paramref name="ReturnedTo"/>, now assigned to <paramref name="ReturnedToAssignee"/>, who must read <paramref name="Reason"/>.</summary>
public sealed record StepSentBack(string Number, int Version, DateTimeOffset At, int Step, Actor By, StepMeasurement Measurement, int ReturnedTo, string Reason, PersonRef? ReturnedToAssignee)
    : KegiatanEvent(Number, Version, At);

public sealed record ExecutionRecorded(string Number, int Version, DateTimeOffset At, int Step, Actor By, StepMeasurement Measurement)
    : KegiatanEvent(Number, Version, At);

public sealed record ReportSubmitted(string Number, int Version, DateTimeOffset At, int Step, Actor By, StepMeasurement Measurement)
    : KegiatanEvent(Number, Version, At);

/// <summary>The current step moved from <paramref name="From"/> to <paramref name="To"/>; its due time is unchanged.</summary>
public sealed record Reassigned(string Number, int Version, DateTimeOffset At, int Step, Actor By, PersonRef? From, PersonRef To, string? Reason)
    : KegiatanEvent(Number, Version, At);

/// <summary>
/// The jadwal and/or tempat of the facilitation moved while <paramref name="Step"/> (the step timed from the jadwal) waited; its
/// due time now runs from <paramref name="NewJadwal"/>. The old values stay here: the form data only keeps the new ones.
/// </summary>
public sealed record Rescheduled(
    string Number,
    int Version,
    DateTimeOffset At,
    int Step,
    Actor By,
    DateTimeOffset OldJadwal,
    DateTimeOffset NewJadwal,
    string? OldTempat,
    string? NewTempat,
    string Reason,
    DateTimeOffset DueAt)
    : KegiatanEvent(Number, Version, At);

public sealed record Cancelled(string Number, int Version, DateTimeOffset At, int Step, Actor By, string Reason, PersonRef? Assignee, IReadOnlyList<PersonRef> Participants)
    : KegiatanEvent(Number, Version, At);

/// <summary>The last step finished; tell everyone involved.</summary>
public sealed record Closed(string Number, int Version, DateTimeOffset At, IReadOnlyList<PersonRef> Participants)
    : KegiatanEvent(Number, Version, At);

/// <summary>The koperasi list was changed at <paramref name="Step"/> (names before and after, for the history); the search index follows.</summary>
public sealed record KoperasiEdited(string Number, int Version, DateTimeOffset At, int Step, Actor By, string? OldNames, string? NewNames)
    : KegiatanEvent(Number, Version, At);
