using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>Where a shown value comes from, which decides how it may be rendered.</summary>
public enum ValueKind
{
    /// <summary>
    /// Written by the office or the bot (SOP text, names from the directory, dates): a TextBlock or fact, both markdown. A
    /// typed phrase inside it (a Plh.'s basis) goes through <see cref="Markdown.Literal"/>.
    /// </summary>
    Fixed,

    /// <summary>Typed by a person: only ever a TextRun, cut for display at <see cref="ShownValue.MaxChars"/>.</summary>
    Typed,

    /// <summary>http(s) links a person entered, one per line: TextRuns that open the link.</summary>
    Links,
}

public sealed record ShownValue(string Text, ValueKind Kind, int MaxChars = ShownValue.DefaultMaxChars)
{
    public const int DefaultMaxChars = 2000;

    public static ShownValue Fixed(string text) => new(text, ValueKind.Fixed);

    public static ShownValue Typed(string text, int maxChars = DefaultMaxChars) => new(text, ValueKind.Typed, maxChars);
}

public sealed record LabelledValue(string Label, ShownValue Value)
{
    public static LabelledValue Fixed(string label, string text) => new(label, ShownValue.Fixed(text));

    public static LabelledValue Typed(string label, string text, int maxChars = ShownValue.DefaultMaxChars) => new(label, ShownValue.Typed(text, maxChars));
}

/// <summary>What identifies a kegiatan on every card: the SOP, the number, jenis fasilitasi, judul, koperasi, kabupaten/kota.</summary>
public sealed record KegiatanHeader(string SopLine, IReadOnlyList<LabelledValue> Rows);

public enum TimelineState
{
    Done,
    Current,
    Waiting,

    /// <summary>The step where the kegiatan was cancelled.</summary>
    Stopped,
}

/// <param name="Detail">Who, when, and on time or late against the standard, e.g. "Setuju oleh … · tepat waktu (12 menit dari 15 menit)".</param>
public sealed record TimelineEntry(int Step, string Title, string Pelaksana, TimelineState State, string Detail, bool Late);

/// <summary>Where a kegiatan is now and who holds it; <see cref="LateText"/> ("TERLAMBAT 2 jam") is shown in the attention colour.</summary>
public sealed record StateView(IReadOnlyList<LabelledValue> Rows, string? LateText);

/// <summary>What one step's form holds, for the people after it.</summary>
public sealed record DataSection(string Title, IReadOnlyList<LabelledValue> Items);

public enum InputKind
{
    Text,
    Multiline,
    Number,

    /// <summary>Teams' date picker; the value is <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>Teams' time picker; the value is <c>HH:mm</c> (WIB: the office has one zone).</summary>
    Time,
    Choice,

    /// <summary>Ticks; Teams sends the ticked values comma-separated.</summary>
    MultiChoice,
}

public sealed record ChoiceView(string Value, string Title);

/// <summary>
/// Inputs shown together (one koperasi of a list). A hidden group opens with the "Tambah" button at the end of the group
/// before it, so slots are revealed one at a time.
/// </summary>
/// <param name="DetailsTitle">When set, the group's inputs marked <see cref="InputView.Detail"/> sit in a part of the group
/// hidden at first and opened by a toggle of this title: a phone shows the few inputs that matter first.</param>
/// <param name="Caption">Typed text over the group's inputs (a koperasi's name), shown as a TextRun.</param>
public sealed record InputGroup(string Id, bool Visible, string RevealTitle, string? DetailsTitle = null, string? Caption = null);

/// <summary>
/// One card input. <see cref="Value"/> is what the person entered before (stored, or just submitted and refused);
/// consecutive inputs with the same <see cref="Group"/> are shown together.
/// </summary>
public sealed record InputView(
    string Id,
    string Label,
    InputKind Kind,
    bool Required,
    string ErrorMessage,
    string? Value,
    int? MaxLength = null,
    int? Min = null,
    int? Max = null,
    string? Regex = null,
    string? Placeholder = null,
    IReadOnlyList<ChoiceView>? Choices = null,
    InputGroup? Group = null,
    bool Detail = false);

public sealed record StepButton(string Verb, string Title);

/// <summary>Tidak: a "Tidak" button that reveals the required reason and the button that sends it back.</summary>
public sealed record RejectView(string Title, string SubmitTitle, InputView Alasan);

/// <summary>
/// The step-1 form before a kegiatan exists: which SOP, and when the card was shown. <paramref name="OpenedAtTag"/> is the
/// bot's signature of that time for the person it is shown to (made by the Bot layer; a click without it counts from the click).
/// </summary>
public sealed record StartTarget(string DefinitionId, DateTimeOffset OpenedAt, string? OpenedAtTag = null);

/// <summary>
/// The card of one step for one viewer. <see cref="Inputs"/>, <see cref="Buttons"/>, <see cref="Reject"/> are empty/null unless
/// the viewer may act on the step; <see cref="HolderNote"/> then says whose turn it is.
/// </summary>
public sealed record StepCardView(
    KegiatanHeader Header,
    string Title,
    string? Error,
    string? StandInNote,
    LabelledValue? SendBack,
    string? ReworkNote,
    string Instruction,
    IReadOnlyList<LabelledValue> Standard,
    string? LateText,
    string? HolderNote,
    IReadOnlyList<DataSection> Data,
    IReadOnlyList<InputView> Inputs,
    IReadOnlyList<string> NextSteps,
    IReadOnlyList<StepButton> Buttons,
    RejectView? Reject,
    string? CancelCommand,
    CardTarget? Target,
    StartTarget? Start,
    IReadOnlyList<TimelineEntry> Timeline,
    string? RescheduleCommand = null,
    DokumentasiView? Dokumentasi = null,
    bool EditKoperasi = false);

/// <summary>
/// "Ubah data koperasi" (step 2): the koperasi slots of the start form, filled with the list now (or what was just typed, with
/// <see cref="Error"/> on top), and one save button (verb <see cref="SopVerbs.EditKoperasi"/>).
/// </summary>
public sealed record KoperasiEditCardView(KegiatanHeader Header, string Title, string? Error, StateView State, string Explanation, IReadOnlyList<InputView> Inputs, string ButtonTitle, CardTarget Target);

/// <summary>Read-only: who decided what and when, why (Tidak, batal), Plh. basis, and what happens next.</summary>
public sealed record OutcomeCardView(
    KegiatanHeader Header,
    string Title,
    string Headline,
    bool Negative,
    IReadOnlyList<LabelledValue> Rows,
    string Next,
    string Number,
    IReadOnlyList<TimelineEntry> Timeline);

/// <summary>A refusal, or (<see cref="IsStale"/>) an out-of-date card; both show the current state and no decision buttons.</summary>
public sealed record RefusalCardView(
    string Title,
    string Message,
    bool IsStale,
    KegiatanHeader? Header,
    StateView? State,
    string? OpenNumber,
    IReadOnlyList<TimelineEntry> Timeline);

/// <param name="Timing">"TERLAMBAT 2 jam", "sisa 45 menit waktu kerja" or when the clock starts.</param>
/// <param name="StandInNote">Set when the viewer would act as Plh. of the assignee.</param>
public sealed record TaskItem(string Number, string? Koperasi, string StepText, string Due, string Timing, bool Late, string? StandInNote);

/// <summary>One kegiatan found by <c>cari</c>: its number, judul (typed), koperasi names (typed) and where it stands.</summary>
public sealed record SearchItem(string Number, string? Judul, string? Koperasi, string Status, bool Open);

public sealed record SearchCardView(string Title, string Summary, IReadOnlyList<SearchItem> Items, string? Omitted);

public sealed record TasksCardView(string Title, string Summary, IReadOnlyList<TaskItem> Items, string? Omitted);

public sealed record StatusCardView(KegiatanHeader Header, string Title, StateView State, bool IsOpen, string Number, IReadOnlyList<TimelineEntry> Timeline);

public sealed record HistoryEntry(string Title, IReadOnlyList<LabelledValue> Rows, bool Late, bool Negative);

public sealed record HistoryCardView(KegiatanHeader Header, string Title, IReadOnlyList<HistoryEntry> Entries, string? Omitted, string Number);

public sealed record CancelCardView(KegiatanHeader Header, string Title, string? Error, string Warning, StateView State, InputView Alasan, string ButtonTitle, CardTarget Target);

/// <summary>
/// <c>alihkan ‹nomor›</c>: the current step and who holds it, the other holders of its role to pick from, an optional reason.
/// <see cref="NewHolder"/> is null when nobody else holds the role (then <see cref="Explanation"/> says so) and once the move is
/// done (<see cref="Done"/>: the card replaces itself with who holds the step now, and the reason given, if any).
/// </summary>
public sealed record ReassignCardView(
    KegiatanHeader Header,
    string Title,
    string? Error,
    string? Done,
    LabelledValue? DoneReason,
    StateView State,
    string Explanation,
    InputView? NewHolder,
    InputView? Alasan,
    string ButtonTitle,
    CardTarget Target);

/// <summary>
/// <c>jadwal ‹nomor›</c>: the jadwal and tempat now (<see cref="Current"/>), inputs for the new ones and the reason. Once done
/// (<see cref="Done"/> set) the same card, read-only, shows the change in <see cref="Current"/> and where the kegiatan stands.
/// </summary>
public sealed record RescheduleCardView(
    KegiatanHeader Header,
    string Title,
    string? Error,
    string? Done,
    IReadOnlyList<LabelledValue> Current,
    StateView State,
    string Explanation,
    IReadOnlyList<InputView> Inputs,
    string ButtonTitle,
    CardTarget Target);

public enum NoticeKind
{
    /// <summary>To the person whose work was approved.</summary>
    Approved,

    /// <summary>To the person it went back to, with the reason.</summary>
    SentBack,

    /// <summary>Setuju on the last decision (step 5): to the Kepala Bidang, with the Kepala Dinas's disposition.</summary>
    Disposition,

    /// <summary>To the person a step was taken from.</summary>
    Reassigned,

    /// <summary>Nobody holds the role of the step now waiting: the Bot sends it to the Admins.</summary>
    Vacant,

    /// <summary>To everyone involved: the last step is done.</summary>
    Closed,

    /// <summary>To everyone involved except the person who cancelled.</summary>
    Cancelled,

    /// <summary>To whoever handed a step on, when its card cannot reach the new holder (the bot cannot install itself for them).</summary>
    Undeliverable,

    /// <summary>To everyone involved except the person who moved it: the jadwal and/or tempat of the facilitation changed.</summary>
    Rescheduled,
}

public sealed record NoticeView(string Title, KegiatanHeader Header, IReadOnlyList<string> Lines, IReadOnlyList<LabelledValue> Notes, bool Attention, string Number);

/// <summary>A card the Bot sends proactively. <see cref="To"/> is empty for <see cref="NoticeKind.Vacant"/> (the Bot picks the Admins).</summary>
public sealed record SopNotice(NoticeKind Kind, IReadOnlyList<PersonRef> To, NoticeView View);

/// <summary>A person offered in a person field's drop-down.</summary>
public sealed record PersonOption(string Id, string Name);
