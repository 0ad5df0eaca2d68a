using System.Text.Json.Serialization;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Definitions;

[JsonConverter(typeof(CamelCaseEnumConverter<FieldKind>))]
public enum FieldKind
{
    Text,
    Multiline,

    /// <summary>A whole number, optionally within <see cref="FieldDefinition.Min"/>..<see cref="FieldDefinition.Max"/>.</summary>
    Number,

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary><c>yyyy-MM-ddTHH:mm</c> in WIB (or with an explicit offset); stored with its offset.</summary>
    Datetime,

    /// <summary>One value of <see cref="FieldDefinition.Choices"/>.</summary>
    Choice,

    /// <summary>http(s) links, one per line; stored one per line.</summary>
    UrlList,

    /// <summary>Several values of <see cref="FieldDefinition.Choices"/>, comma-separated.</summary>
    Checklist,

    /// <summary>The Entra object id of a person holding <see cref="FieldDefinition.RoleName"/>.</summary>
    Person,

    /// <summary>
    /// One or more koperasi (up to <see cref="FieldDefinition.MaxItems"/>), each with its identity (nama, NIK, badan hukum, NIB),
    /// jenis (one of <see cref="FieldDefinition.Choices"/>), alamat, wilayah keanggotaan (values of the same step's choice field
    /// <see cref="FieldDefinition.WilayahFrom"/>) and contact; stored as one JSON array (<c>Koperasi.KoperasiList</c>).
    /// </summary>
    KoperasiList,

    /// <summary>
    /// Per koperasi of the kegiatan's list (an earlier step's <see cref="KoperasiList"/>): the hasil (one of
    /// <see cref="FieldDefinition.Choices"/>), the jumlah peserta (0..<see cref="FieldDefinition.Max"/>) and the nomor berita acara
    /// (up to <see cref="FieldDefinition.MaxLength"/>); stored as one JSON array (<c>Koperasi.KoperasiResults</c>).
    /// </summary>
    KoperasiResults,
}

/// <summary>One input of a step's form. Values travel as strings (what Adaptive Card inputs send) and are stored normalised.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FieldDefinition
{
    /// <summary>camelCase, unique across the whole definition.</summary>
    public string Id { get => _id; init => _id = value ?? ""; }

    private readonly string _id = "";

    /// <summary>What the person reads (Indonesian).</summary>
    public string Label { get => _label; init => _label = value ?? ""; }

    private readonly string _label = "";

    public FieldKind Kind { get; init; }

    public bool Required { get; init; }

    /// <summary>Required for text, multiline and urlList.</summary>
    public int? MaxLength { get; init; }

    public int? Min { get; init; }

    public int? Max { get; init; }

    public IReadOnlyList<Choice> Choices { get => _choices; init => _choices = value ?? []; }

    private readonly IReadOnlyList<Choice> _choices = [];

    /// <summary>For <see cref="FieldKind.Person"/>: the role the chosen person must hold.</summary>
    [JsonPropertyName("role")]
    public string? RoleName { get; init; }

    /// <summary>For <see cref="FieldKind.KoperasiList"/>: how many koperasi the card offers (1..10).</summary>
    public int? MaxItems { get; init; }

    /// <summary>For <see cref="FieldKind.KoperasiList"/>: the id of a choice field of the same step listing the wilayah.</summary>
    public string? WilayahFrom { get; init; }

    /// <summary>Placeholder or help text for the card.</summary>
    public string? Hint { get; init; }

    /// <summary>
    /// The id of an earlier step's field of the same kind whose value this field starts from: the card shows it until the step
    /// has its own (step 6's waktu and tempat start from step 2's jadwal and tempat).
    /// </summary>
    public string? PrefillFrom { get; init; }

    /// <summary>
    /// The id of a field of the same step that must be filled when this field's value differs from <see cref="PrefillFrom"/>'s:
    /// a change from what was planned needs a reason.
    /// </summary>
    public string? ChangeReason { get; init; }

    [JsonIgnore]
    public Role? Role => RoleName is null ? null : RoleText.Parse(RoleName);
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Choice
{
    public string Value { get => _value; init => _value = value ?? ""; }

    private readonly string _value = "";

    public string Label { get => _label; init => _label = value ?? ""; }

    private readonly string _label = "";
}
