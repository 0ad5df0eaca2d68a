using System.Globalization;
using System.Text.Json.Serialization;

namespace PerijinanBot.Sop.Engine;

[JsonConverter(typeof(CamelCaseEnumConverter<KegiatanStatus>))]
public enum KegiatanStatus
{
    Open,
    Closed,
    Cancelled,
}

/// <summary>
/// One run of an SOP: the aggregate the storage persists as JSON (<see cref="SopJsonContext"/>). Only <see cref="SopEngine"/>
/// produces new states; every accepted command returns a copy with <see cref="Version"/> one higher.
/// </summary>
public sealed record Kegiatan
{
    /// <summary>Allocated by the storage, e.g. FAS-2026-0001; also the kegiatan's id.</summary>
    public string Number { get => _number; init => _number = value ?? ""; }

    private readonly string _number = "";

    public string DefinitionId { get => _definitionId; init => _definitionId = value ?? ""; }

    private readonly string _definitionId = "";

    /// <summary>The definition version this kegiatan is pinned to for its whole life.</summary>
    public int DefinitionVersion { get; init; }

    /// <summary>1 after start, +1 per accepted command. Cards carry it so a stale click is recognised.</summary>
    public int Version { get; init; }

    public KegiatanStatus Status { get; init; }

    /// <summary>The step waiting for action; when closed or cancelled, the last step reached.</summary>
    public int CurrentStep { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The person on whose authority the kegiatan was started (the holder, also when a Plh. clicked).</summary>
    public PersonRef Starter { get => _starter; init => _starter = value ?? new("", ""); }

    private readonly PersonRef _starter = new("", "");

    /// <summary>People picked in the start step's person fields, by field id (e.g. "anggota"). Reassignment updates them.</summary>
    public IReadOnlyDictionary<string, PersonRef> AssignedAtStart { get => _assignedAtStart; init => _assignedAtStart = value ?? new Dictionary<string, PersonRef>(); }

    private readonly IReadOnlyDictionary<string, PersonRef> _assignedAtStart = new Dictionary<string, PersonRef>();

    /// <summary>The latest form data of each step. A send-back keeps it, so the person fixing edits instead of retyping.</summary>
    public IReadOnlyDictionary<int, StepData> Data { get => _data; init => _data = value ?? new Dictionary<int, StepData>(); }

    private readonly IReadOnlyDictionary<int, StepData> _data = new Dictionary<int, StepData>();

    /// <summary>Every visit to every step, in order; while open, the last one is the current step.</summary>
    public IReadOnlyList<StepRecord> Steps { get => _steps; init => _steps = value ?? []; }

    private readonly IReadOnlyList<StepRecord> _steps = [];

    /// <summary>How many times each step was sent back to be redone, by step number.</summary>
    public IReadOnlyDictionary<int, int> Rework { get => _rework; init => _rework = value ?? new Dictionary<int, int>(); }

    private readonly IReadOnlyDictionary<int, int> _rework = new Dictionary<int, int>();

    public Cancellation? Cancellation { get; init; }

    /// <summary>The open step record, or null when the kegiatan is closed or cancelled.</summary>
    [JsonIgnore]
    public StepRecord? Current => Status == KegiatanStatus.Open && Steps.Count > 0 ? Steps[^1] : null;

    public int ReworkOf(int step) => Rework.GetValueOrDefault(step);

    /// <summary>The stored value of a field (ids are unique across a definition), or null.</summary>
    public string? Value(string fieldId)
    {
        foreach (var data in Data.Values)
        {
            if (data.Values.TryGetValue(fieldId, out var value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>A datetime field's value (stored with its offset), or null.</summary>
    public DateTimeOffset? DateTimeValue(string fieldId) =>
        Value(fieldId) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    /// <summary>Everyone involved so far (starter, assignees, people who acted, stand-ins and those they stood in for), once each.</summary>
    public IReadOnlyList<PersonRef> Participants()
    {
        var people = new List<PersonRef>();
        void Add(PersonRef? person)
        {
            if (person is not null && person.Id.Length > 0 && !people.Exists(p => p.Is(person.Id)))
            {
                people.Add(person);
            }
        }

        Add(Starter);
        foreach (var person in AssignedAtStart.Values)
        {
            Add(person);
        }

        foreach (var record in Steps)
        {
            Add(record.Assignee);
            Add(record.FinishedBy?.Person);
            Add(record.FinishedBy?.OnBehalfOf);
            foreach (var move in record.Reassignments)
            {
                Add(move.From);
                Add(move.To);
            }
        }

        return people;
    }
}
