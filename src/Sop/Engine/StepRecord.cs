using System.Text.Json.Serialization;
using PerijinanBot.Sop.Calendar;

namespace PerijinanBot.Sop.Engine;

/// <summary>A person as the kegiatan remembers them: the name is a snapshot, so history reads right after someone leaves.</summary>
public sealed record PersonRef(string Id, string Name)
{
    internal bool Is(string? id) => string.Equals(Id, id, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Who did something. When a stand-in acted, <see cref="Id"/>/<see cref="Name"/> are the stand-in, <see cref="OnBehalfOf"/>
/// the official whose authority they used, <see cref="DelegationBasis"/> the nomor of the Surat Perintah (free text on older
/// records) and <see cref="BasisDate"/> its date; <see cref="StandInKind"/> and <see cref="OfficialPosition"/> say what they
/// acted as ("Plh. Kepala Bidang …"). Snapshots, like the names: history reads the same after people move on.
/// </summary>
public sealed record Actor(string Id, string Name, PersonRef? OnBehalfOf = null, [property: JsonPropertyName("plhBasis")] string? DelegationBasis = null)
{
    [JsonIgnore]
    [JsonPropertyName("isPlh")]
    public bool IsStandIn => OnBehalfOf is not null;

    /// <summary>Plh. or Plt.; null on records made before the kind was asked for, which read as Plh.</summary>
    [JsonPropertyName("plhKind")]
    public StandInKind? StandInKind { get; init; }

    /// <summary>The official's position when the stand-in acted (jabatan, else the SOP role); null on older records.</summary>
    [JsonPropertyName("plhPosition")]
    public string? OfficialPosition { get; init; }

    [JsonPropertyName("plhBasisDate")]
    public DateOnly? BasisDate { get; init; }

    /// <summary>
    /// What a stand-in acted as: "Plh. Kepala Bidang Perijinan dan Kelembagaan", with <paramref name="position"/> where the
    /// record has none (older records: the caller knows the step's role); null for someone acting as themselves.
    /// </summary>
    public string? StandInTitle(string? position = null) =>
        OnBehalfOf is null ? null : StandInRules.Title(StandInKind ?? Engine.StandInKind.Absence, OfficialPosition ?? position ?? OnBehalfOf.Name);

    /// <summary>"Surat Perintah Nomor … tanggal …" (or an older record's free text); null for someone acting as themselves.</summary>
    [JsonIgnore]
    public string? BasisText => OnBehalfOf is null ? null : StandInRules.Basis(DelegationBasis ?? "", BasisDate);

    /// <summary>"Rina Marlina", or "Dewi Lestari selaku Plh. Kepala Bidang Perijinan dan Kelembagaan (Surat Perintah Nomor … tanggal …)".</summary>
    public string Describe() => OnBehalfOf is null ? Name : $"{Name} selaku {StandInTitle()} ({BasisText})";

    internal PersonRef Person => new(Id, Name);
}

[JsonConverter(typeof(CamelCaseEnumConverter<StepOutcome>))]
public enum StepOutcome
{
    /// <summary>A start or form step was submitted.</summary>
    Completed,
    Approved,
    SentBack,
    Executed,
    Reported,
    Cancelled,
}

/// <summary>A finished step measured against its standard, in working time.</summary>
public sealed record StepMeasurement(Waktu Standard, TimeSpan StandardWorkingTime, TimeSpan ActualWorkingTime, bool OnTime, TimeSpan LateBy);

public sealed record Reassignment(PersonRef? From, PersonRef To, Actor By, DateTimeOffset At, string? Reason);

/// <summary>One visit of the kegiatan to a step. A step sent back is visited again: a new record with the next <see cref="Attempt"/>.</summary>
public sealed record StepRecord
{
    public int Step { get; init; }

    /// <summary>1 on the first visit, 2 after the first send-back to this step, ….</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Null while nobody holds the step's role (the step is vacant until reassigned).</summary>
    public PersonRef? Assignee { get; init; }

    public DateTimeOffset EnteredAt { get; init; }

    /// <summary>Usually <see cref="EnteredAt"/>; for a step timed from a field (step 6: the jadwal) that field's value.</summary>
    public DateTimeOffset ClockStartsAt { get; init; }

    public DateTimeOffset DueAt { get; init; }

    /// <summary>Working time between <see cref="ClockStartsAt"/> and <see cref="DueAt"/>.</summary>
    public TimeSpan StandardWorkingTime { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public StepOutcome? Outcome { get; init; }

    public Actor? FinishedBy { get; init; }

    /// <summary>The written reason of a Tidak or of a cancellation.</summary>
    public string? Reason { get; init; }

    /// <summary>For <see cref="StepOutcome.SentBack"/>: the step it went back to.</summary>
    public int? SentBackTo { get; init; }

    /// <summary>Set when the step finished (not when it was cancelled).</summary>
    public StepMeasurement? Measurement { get; init; }

    public IReadOnlyList<Reassignment> Reassignments { get => _reassignments; init => _reassignments = value ?? []; }

    private readonly IReadOnlyList<Reassignment> _reassignments = [];

    /// <summary>Every change of the jadwal or tempat while this step waited (only a step timed from the jadwal), oldest first.</summary>
    public IReadOnlyList<Rescheduling> Reschedules { get => _reschedules; init => _reschedules = value ?? []; }

    private readonly IReadOnlyList<Rescheduling> _reschedules = [];

    /// <summary>Every change of the koperasi list while this step waited (<see cref="EditKoperasi"/>), oldest first.</summary>
    public IReadOnlyList<KoperasiEdit> KoperasiEdits { get => _koperasiEdits; init => _koperasiEdits = value ?? []; }

    private readonly IReadOnlyList<KoperasiEdit> _koperasiEdits = [];

    [JsonIgnore]
    public bool IsOpen => FinishedAt is null;
}

/// <summary>What a step's form holds: normalised field values (absent when left empty) and the ticked kelengkapan.</summary>
public sealed record StepData(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Checklist, Actor By, DateTimeOffset At);

public sealed record Cancellation(int Step, Actor By, DateTimeOffset At, string Reason);
