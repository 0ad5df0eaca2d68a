using System.Text.Json.Serialization;

namespace PerijinanBot.Sop.Engine;

/// <summary>
/// What a person can do to a kegiatan. The step triggers (<see cref="SubmitData"/> … <see cref="SubmitReport"/>) come from the
/// <see cref="TransitionTable"/> of the current step; <see cref="Reassign"/> and <see cref="Cancel"/> apply to any open kegiatan;
/// <see cref="Reschedule"/> only while the step timed from the jadwal waits.
/// </summary>
[JsonConverter(typeof(CamelCaseEnumConverter<SopTrigger>))]
public enum SopTrigger
{
    SubmitData,
    Approve,
    Reject,
    RecordExecution,
    SubmitReport,
    Reassign,
    Cancel,

    /// <summary>Ubah jadwal: move the jadwal and/or tempat of the facilitation before it takes place.</summary>
    Reschedule,

    /// <summary>Ubah data koperasi: correct or complete the koperasi list while the supporting data is prepared (step 2).</summary>
    EditKoperasi,
}

public static class SopTriggerText
{
    /// <summary>The button text a person reads.</summary>
    public static string Label(this SopTrigger trigger) => trigger switch
    {
        SopTrigger.SubmitData => "Kirim data",
        SopTrigger.Approve => "Setuju",
        SopTrigger.Reject => "Tidak",
        SopTrigger.RecordExecution => "Kegiatan dimulai",
        SopTrigger.SubmitReport => "Kirim laporan",
        SopTrigger.Reassign => "Alihkan",
        SopTrigger.Cancel => "Batalkan",
        SopTrigger.Reschedule => "Ubah jadwal",
        SopTrigger.EditKoperasi => "Ubah data koperasi",
        _ => trigger.ToString(),
    };
}
