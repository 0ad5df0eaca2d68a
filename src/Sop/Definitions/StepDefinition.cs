using System.Text.Json.Serialization;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Definitions;

/// <summary>What a step asks of its pelaksana; decides which commands (and so which card buttons) the step permits.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<StepKind>))]
public enum StepKind
{
    /// <summary>The first step: its form creates the kegiatan. If a send-back returns here, its form is submitted again.</summary>
    Start,

    /// <summary>Fill in a form and hand it on (e.g. preparing the supporting data).</summary>
    Form,

    /// <summary>Setuju (on to <see cref="StepDefinition.Next"/>) or Tidak with a reason (back to <see cref="StepDefinition.SendBackTo"/>).</summary>
    Decision,

    /// <summary>Record that the activity took place.</summary>
    Execution,

    /// <summary>Submit the activity report.</summary>
    Report,
}

[JsonConverter(typeof(CamelCaseEnumConverter<AssignmentRule>))]
public enum AssignmentRule
{
    /// <summary>The person holding the role in the directory (the one who last held this step, if they still hold the role).</summary>
    RoleHolder,

    /// <summary>The person who started the kegiatan.</summary>
    Starter,

    /// <summary>The person picked in a person field of the start step (e.g. the Anggota given the disposition).</summary>
    AssignedAtStart,
}

/// <summary>One row of the SOP table.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StepDefinition
{
    public int Number { get; init; }

    /// <summary>A short name for timelines and diagrams (the product's, not the SOP's): "Verifikasi data dukung".</summary>
    public string Title { get => _title; init => _title = value ?? ""; }

    private readonly string _title = "";

    public StepKind Kind { get; init; }

    /// <summary>The pelaksana column.</summary>
    [JsonPropertyName("role")]
    public string RoleName { get => _roleName; init => _roleName = value ?? ""; }

    private readonly string _roleName = "";

    /// <summary>
    /// True where the SOP text names no pelaksana for the step and the office chose <see cref="RoleName"/> and
    /// <see cref="Assignment"/> (steps 6 and 7 of SOP 000.8/1622): the <c>sop</c> card marks the choice as the office's, so it is
    /// not read as the SOP's own words.
    /// </summary>
    public bool RoleChosenByOffice { get; init; }

    public Assignment Assignment { get => _assignment; init => _assignment = value ?? new(); }

    private readonly Assignment _assignment = new();

    /// <summary>The "Kegiatan" column, word for word.</summary>
    public string Activity { get => _activity; init => _activity = value ?? ""; }

    private readonly string _activity = "";

    /// <summary>The "Kelengkapan" column, word for word.</summary>
    public string Kelengkapan { get => _kelengkapan; init => _kelengkapan = value ?? ""; }

    private readonly string _kelengkapan = "";

    /// <summary>The kelengkapan as items to tick on the card.</summary>
    public IReadOnlyList<ChecklistItem> Checklist { get => _checklist; init => _checklist = value ?? []; }

    private readonly IReadOnlyList<ChecklistItem> _checklist = [];

    /// <summary>When true every checklist item must be ticked to finish the step (for a decision: to say Setuju).</summary>
    public bool ChecklistRequired { get; init; }

    public Waktu Waktu { get => _waktu; init => _waktu = value ?? new(0, WaktuUnit.Minutes); }

    private readonly Waktu _waktu = new(0, WaktuUnit.Minutes);

    /// <summary>The "Output" column, word for word.</summary>
    public string Output { get => _output; init => _output = value ?? ""; }

    private readonly string _output = "";

    /// <summary>The "Ket" column (a related SOP), or null.</summary>
    public string? Keterangan { get; init; }

    public IReadOnlyList<FieldDefinition> Fields { get => _fields; init => _fields = value ?? []; }

    private readonly IReadOnlyList<FieldDefinition> _fields = [];

    /// <summary>Where Setuju / submitting leads; null ends the kegiatan.</summary>
    public int? Next { get; init; }

    /// <summary>Decision steps only: the earlier step a Tidak returns to.</summary>
    public int? SendBackTo { get; init; }

    /// <summary>A datetime field of an earlier step at which this step's clock starts (step 6 starts at the jadwal), instead of when the step begins.</summary>
    public string? ClockStartsAtField { get; init; }

    /// <summary>
    /// The outgoing letter this step produces when it finishes forward (Setuju, or the report submitted): it gets a line in
    /// the Buku Agenda Surat Keluar (the SOP's "Pencatatan dan pendataan"). Null for steps that send nothing out.
    /// </summary>
    public SuratKeluar? SuratKeluar { get; init; }

    [JsonIgnore]
    public Role Role => RoleText.Parse(RoleName);

    [JsonIgnore]
    public bool IsDecision => Kind == StepKind.Decision;
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Assignment
{
    public AssignmentRule Rule { get; init; }

    /// <summary>For <see cref="AssignmentRule.AssignedAtStart"/>: the person field of the start step.</summary>
    public string? Field { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ChecklistItem
{
    public string Id { get => _id; init => _id = value ?? ""; }

    private readonly string _id = "";

    public string Label { get => _label; init => _label = value ?? ""; }

    private readonly string _label = "";
}

/// <summary>An outgoing document of a step, as the Buku Agenda Surat Keluar records it.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed partial record SuratKeluar
{
    /// <summary>A short lowercase id, unique in the definition (e.g. "disposisi", "laporan").</summary>
    public string Document { get => _document; init => _document = value ?? ""; }

    private readonly string _document = "";

    /// <summary>The perihal, with <c>{fieldId}</c> replaced by that field's value (e.g. "Laporan fasilitasi {jenisFasilitasi} {koperasi}").</summary>
    public string Perihal { get => _perihal; init => _perihal = value ?? ""; }

    private readonly string _perihal = "";

    /// <summary>To whom the letter goes, as written in the register.</summary>
    public string Tujuan { get => _tujuan; init => _tujuan = value ?? ""; }

    private readonly string _tujuan = "";

    /// <summary>The field ids the perihal names.</summary>
    public IEnumerable<string> PerihalFields() => Placeholder().Matches(Perihal).Select(m => m.Groups[1].Value);

    /// <summary>The perihal of this kegiatan's letter; a field left empty becomes "-".</summary>
    public string PerihalFor(Engine.Kegiatan kegiatan)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        var text = Placeholder().Replace(Perihal, m => Engine.KegiatanKoperasi.TextOf(kegiatan, m.Groups[1].Value) ?? "-");
        return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();
}
