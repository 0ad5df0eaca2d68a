using System.Globalization;
using System.Text.Json.Nodes;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>
/// The card action contract shared with the Bot layer: verbs, the keys of <c>data</c>, and the ids of the inputs that are not
/// form fields (form fields use their <c>FieldDefinition.Id</c>).
/// </summary>
public static class SopVerbs
{
    /// <summary>The step-1 form from <c>mulai</c>. Data: <c>definition</c>, <c>openedAt</c>, <c>openedAtTag</c>.</summary>
    public const string Start = "sop.start";

    public const string Submit = "sop.submit";
    public const string Approve = "sop.approve";
    public const string Reject = "sop.reject";
    public const string Execute = "sop.execute";
    public const string Report = "sop.report";
    public const string Cancel = "sop.cancel";
    public const string Reassign = "sop.reassign";

    /// <summary><c>jadwal ‹nomor›</c>: moves the facilitation. Inputs: <see cref="NewJadwalInput"/>, <see cref="NewTempatInput"/>, <see cref="AlasanInput"/>.</summary>
    public const string Reschedule = "sop.reschedule";

    /// <summary>
    /// "Ubah data koperasi" on step 2's card: answers with the koperasi edit card (<see cref="EditKoperasi"/>). Data: the
    /// step card's target. The slots stay off step 2's own card, which is near Teams' size limit.
    /// </summary>
    public const string OpenKoperasi = "sop.koperasi.open";

    /// <summary>Saves the koperasi edit card. Inputs: the koperasi slots (<c>koperasi.N.part</c>, <c>KoperasiInput</c>).</summary>
    public const string EditKoperasi = "sop.koperasi";

    /// <summary>Sends the current card of a kegiatan again (from <c>tugas</c>, a stale card, a status). Data: <c>kegiatan</c>.</summary>
    public const string Open = "sop.open";

    /// <summary>The data key naming the kegiatan, e.g. "FAS-2026-0001".</summary>
    public const string KegiatanKey = "kegiatan";

    public const string StepKey = "step";
    public const string VersionKey = "version";
    public const string DefinitionKey = "definition";

    /// <summary>When the step-1 card was shown (ISO 8601, WIB offset): <c>StartKegiatan.OpenedAt</c>, so step 1 is measured.</summary>
    public const string OpenedAtKey = "openedAt";

    /// <summary>The bot's signature of <see cref="OpenedAtKey"/> for the person it showed the card to; made in the Bot layer.</summary>
    public const string OpenedAtTagKey = "openedAtTag";

    /// <summary>The Action.Submit fallback repeats the verb in its data.</summary>
    public const string VerbKey = "verb";

    /// <summary>The kelengkapan checklist: one multi-select ChoiceSet, the ticked item ids comma-separated.</summary>
    public const string KelengkapanInput = "kelengkapan";

    /// <summary>The reason of a Tidak, a cancellation, a reschedule, or (optional) a reassignment.</summary>
    public const string AlasanInput = "alasan";

    /// <summary>The person a reassignment (<c>alihkan</c>) moves the current step to.</summary>
    public const string NewHolderInput = "pemegangBaru";

    /// <summary>
    /// The new jadwal of a reschedule: a date and a time picker, <c>jadwalBaru.date</c> and <c>jadwalBaru.time</c>
    /// (<see cref="DateTimeInput"/>), or one text in any form the jadwal field reads (an older card).
    /// </summary>
    public const string NewJadwalInput = "jadwalBaru";

    /// <summary>The new tempat of a reschedule.</summary>
    public const string NewTempatInput = "tempatBaru";

    public const int MaxAlasanLength = 1000;

    /// <summary>Names a form field must not take, or its input would overwrite the action data.</summary>
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        KegiatanKey, StepKey, VersionKey, DefinitionKey, OpenedAtKey, OpenedAtTagKey, VerbKey, KelengkapanInput, AlasanInput, NewHolderInput, NewJadwalInput, NewTempatInput,
        "command", "msteams",
    };

    /// <summary>The verb of a step trigger's button.</summary>
    public static string For(SopTrigger trigger) => trigger switch
    {
        SopTrigger.SubmitData => Submit,
        SopTrigger.Approve => Approve,
        SopTrigger.Reject => Reject,
        SopTrigger.RecordExecution => Execute,
        SopTrigger.SubmitReport => Report,
        SopTrigger.Reassign => Reassign,
        SopTrigger.Cancel => Cancel,
        SopTrigger.Reschedule => Reschedule,
        SopTrigger.EditKoperasi => EditKoperasi,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };

    /// <summary>The step trigger a verb asks for, or null for <see cref="Start"/>, <see cref="Open"/> and unknown verbs.</summary>
    public static SopTrigger? TriggerOf(string verb) => verb switch
    {
        Submit => SopTrigger.SubmitData,
        Approve => SopTrigger.Approve,
        Reject => SopTrigger.Reject,
        Execute => SopTrigger.RecordExecution,
        Report => SopTrigger.SubmitReport,
        Reassign => SopTrigger.Reassign,
        Cancel => SopTrigger.Cancel,
        Reschedule => SopTrigger.Reschedule,
        EditKoperasi => SopTrigger.EditKoperasi,
        _ => null,
    };

    /// <summary><c>{"kegiatan", "step", "version"}</c>: what every decision on a kegiatan carries.</summary>
    public static JsonObject Data(CardTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new JsonObject { [KegiatanKey] = target.Number, [StepKey] = target.Step, [VersionKey] = target.Version };
    }

    public static JsonObject StartData(string definitionId, DateTimeOffset openedAt, string? openedAtTag = null)
    {
        var data = new JsonObject
        {
            [DefinitionKey] = definitionId,
            [OpenedAtKey] = openedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        };
        if (openedAtTag is not null)
        {
            data[OpenedAtTagKey] = openedAtTag;
        }

        return data;
    }

    public static JsonObject OpenData(string number) => new() { [KegiatanKey] = number };
}

/// <summary>Which kegiatan, step and version a card was made for: a click on an older card is recognised as stale.</summary>
public sealed record CardTarget(string Number, int Step, int Version);
