using System.Text.Json.Serialization;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Definitions;

/// <summary>
/// One SOP as data (<c>Definitions/*.json</c>): its header as the office wrote it, its roles, and its steps.
/// Identified by <see cref="Id"/> + <see cref="Version"/>; a kegiatan stays on the version it started with.
/// Only a definition that passed <see cref="SopDefinitionLoader"/> validation is handed out by <see cref="SopCatalog"/>.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SopDefinition
{
    /// <summary>Stable, lower-case with dashes, e.g. <c>fasilitasi-perijinan</c>.</summary>
    public string Id { get => _id; init => _id = value ?? ""; }

    private readonly string _id = "";

    /// <summary>1, 2, …: a changed SOP is a new file with a higher version; running kegiatan keep the old one.</summary>
    public int Version { get; init; }

    /// <summary>
    /// The SOP a new kegiatan starts on (<c>mulai</c>) and the one <c>sop</c> and <c>laporan</c> show. A catalog holding one SOP
    /// needs no mark; with more, exactly one marks its latest version so (see <see cref="SopCatalog.Default"/>).
    /// </summary>
    [JsonPropertyName("default")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsDefault { get; init; }

    /// <summary>Prefix of kegiatan numbers, e.g. <c>FAS</c> for <c>FAS-2026-0001</c> (the storage allocates the numbers).</summary>
    public string NumberPrefix { get => _numberPrefix; init => _numberPrefix = value ?? ""; }

    private readonly string _numberPrefix = "";

    public SopHeader Header { get => _header; init => _header = value ?? new(); }

    private readonly SopHeader _header = new();

    /// <summary>Kinds of facilitation this SOP covers (IUSP, IKC, IKCP, IKK). Empty for SOPs that have none.</summary>
    public IReadOnlyList<JenisFasilitasi> JenisFasilitasi { get => _jenisFasilitasi; init => _jenisFasilitasi = value ?? []; }

    private readonly IReadOnlyList<JenisFasilitasi> _jenisFasilitasi = [];

    /// <summary>The pelaksana, lowest to highest, each with the role above it (used for reassignment and escalation).</summary>
    public IReadOnlyList<RoleDefinition> Roles { get => _roles; init => _roles = value ?? []; }

    private readonly IReadOnlyList<RoleDefinition> _roles = [];

    /// <summary>In ascending <see cref="StepDefinition.Number"/>; the first is the <see cref="StepKind.Start"/> step.</summary>
    public IReadOnlyList<StepDefinition> Steps { get => _steps; init => _steps = value ?? []; }

    private readonly IReadOnlyList<StepDefinition> _steps = [];

    /// <summary>Who may cancel a running kegiatan (with a reason).</summary>
    public IReadOnlyList<RoleRule> CancelBy { get => _cancelBy; init => _cancelBy = value ?? []; }

    private readonly IReadOnlyList<RoleRule> _cancelBy = [];

    /// <summary>When people are reminded and the superior is told; null: <see cref="ReminderSettings.Default"/>.</summary>
    public ReminderSettings? Reminders { get; init; }

    [JsonIgnore]
    public StepDefinition FirstStep => Steps[0];

    public StepDefinition Step(int number) =>
        FindStep(number) ?? throw new ArgumentOutOfRangeException(nameof(number), number, $"SOP {Id} v{Version} has no step {number}.");

    public StepDefinition? FindStep(int number) => Steps.FirstOrDefault(s => s.Number == number);

    public RoleDefinition RoleOf(Role role) =>
        Roles.FirstOrDefault(r => r.Role == role) ?? throw new ArgumentOutOfRangeException(nameof(role), role, $"SOP {Id} v{Version} does not use this role.");

    /// <summary>A form field by id (ids are unique across the whole definition) with the step that collects it.</summary>
    public (StepDefinition Step, FieldDefinition Field)? FindField(string fieldId)
    {
        foreach (var step in Steps)
        {
            foreach (var field in step.Fields)
            {
                if (field.Id == fieldId)
                {
                    return (step, field);
                }
            }
        }

        return null;
    }

    public override string ToString() => $"{Id} v{Version}";
}

/// <summary>The SOP's header block, word for word; blank cells are null.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SopHeader
{
    /// <summary>The letterhead lines: pemerintah, dinas, bidang.</summary>
    public IReadOnlyList<string> Instansi { get => _instansi; init => _instansi = value ?? []; }

    private readonly IReadOnlyList<string> _instansi = [];

    public string NomorSop { get => _nomorSop; init => _nomorSop = value ?? ""; }

    private readonly string _nomorSop = "";

    public DateOnly? TanggalPembuatan { get; init; }

    public DateOnly? TanggalRevisi { get; init; }

    public DateOnly? TanggalEfektif { get; init; }

    public string? DisahkanOleh { get; init; }

    public string Nama { get => _nama; init => _nama = value ?? ""; }

    private readonly string _nama = "";

    public IReadOnlyList<string> DasarHukum { get => _dasarHukum; init => _dasarHukum = value ?? []; }

    private readonly IReadOnlyList<string> _dasarHukum = [];

    public IReadOnlyList<string> KualifikasiPelaksana { get => _kualifikasiPelaksana; init => _kualifikasiPelaksana = value ?? []; }

    private readonly IReadOnlyList<string> _kualifikasiPelaksana = [];

    public IReadOnlyList<string> Keterkaitan { get => _keterkaitan; init => _keterkaitan = value ?? []; }

    private readonly IReadOnlyList<string> _keterkaitan = [];

    public IReadOnlyList<string> Peralatan { get => _peralatan; init => _peralatan = value ?? []; }

    private readonly IReadOnlyList<string> _peralatan = [];

    public string Peringatan { get => _peringatan; init => _peringatan = value ?? ""; }

    private readonly string _peringatan = "";

    /// <summary>"Pencatatan dan pendataan": the registers the SOP keeps (the Buku agenda surat keluar).</summary>
    public IReadOnlyList<string> Pencatatan { get => _pencatatan; init => _pencatatan = value ?? []; }

    private readonly IReadOnlyList<string> _pencatatan = [];
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record JenisFasilitasi
{
    /// <summary>IUSP, IKC, IKCP, IKK.</summary>
    public string Kode { get => _kode; init => _kode = value ?? ""; }

    private readonly string _kode = "";

    /// <summary>e.g. Izin Usaha Simpan Pinjam.</summary>
    public string Nama { get => _nama; init => _nama = value ?? ""; }

    private readonly string _nama = "";
}

/// <summary>A pelaksana role in this SOP. Role names are the <see cref="Role"/> names, camelCase in the file.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RoleDefinition
{
    [JsonPropertyName("role")]
    public string RoleName { get => _roleName; init => _roleName = value ?? ""; }

    private readonly string _roleName = "";

    /// <summary>As the SOP writes it: "Kepala Bidang Perijinan dan Kelembagaan".</summary>
    public string Name { get => _name; init => _name = value ?? ""; }

    private readonly string _name = "";

    /// <summary>In sentences: "Kepala Bidang".</summary>
    public string ShortName { get => _shortName; init => _shortName = value ?? ""; }

    private readonly string _shortName = "";

    /// <summary>The role above this one; null for the top.</summary>
    [JsonPropertyName("superior")]
    public string? SuperiorName { get; init; }

    [JsonIgnore]
    public Role Role => RoleText.Parse(RoleName);

    [JsonIgnore]
    public Role? Superior => SuperiorName is null ? null : RoleText.Parse(SuperiorName);
}

/// <summary>"A holder of <see cref="RoleName"/>, chosen by <see cref="Rule"/>", e.g. the Ketua Tim Kerja who started the kegiatan.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RoleRule
{
    [JsonPropertyName("role")]
    public string RoleName { get => _roleName; init => _roleName = value ?? ""; }

    private readonly string _roleName = "";

    public AssignmentRule Rule { get; init; }

    /// <summary>For <see cref="AssignmentRule.AssignedAtStart"/>: the person field of the start step.</summary>
    public string? Field { get; init; }

    [JsonIgnore]
    public Role Role => RoleText.Parse(RoleName);
}
