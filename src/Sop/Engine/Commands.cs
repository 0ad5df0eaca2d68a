namespace PerijinanBot.Sop.Engine;

/// <summary>
/// A step form as submitted: field values by field id, as strings (what Adaptive Card inputs send), and the ids of the ticked
/// kelengkapan items. Unknown field ids are ignored.
/// </summary>
public sealed record FormInput(IReadOnlyDictionary<string, string?> Values, IReadOnlyList<string> Checklist)
{
    public static FormInput Empty { get; } = new(new Dictionary<string, string?>(), []);
}

/// <summary>
/// Starts a kegiatan on the latest version of <paramref name="DefinitionId"/>: the start step's form (for the real SOP: jenis
/// fasilitasi, judul, koperasi, kabupaten/kota, the Anggota assigned, disposisi, notulen). <paramref name="Number"/> is allocated
/// by the caller (storage). <paramref name="OpenedAt"/> is when the person opened the form, so step 1 is measured; default now.
/// </summary>
public sealed record StartKegiatan(string ActorId, string DefinitionId, string Number, FormInput Input, DateTimeOffset? OpenedAt = null);

/// <summary>
/// A command on an existing kegiatan. <see cref="ExpectedVersion"/> is the <see cref="Kegiatan.Version"/> the person saw (the card
/// carries it); any other version is refused as stale, with what happened instead.
/// </summary>
public abstract record KegiatanCommand(string ActorId, int ExpectedVersion)
{
    public abstract SopTrigger Trigger { get; }
}

/// <summary>A command on the current step; <see cref="Step"/> must be the current step.</summary>
public abstract record StepCommand(string ActorId, int Step, int ExpectedVersion) : KegiatanCommand(ActorId, ExpectedVersion);

/// <summary>Submits a form step (step 2: the supporting data), or the start form again after a send-back to the start step.</summary>
public sealed record SubmitData(string ActorId, int Step, int ExpectedVersion, FormInput Input) : StepCommand(ActorId, Step, ExpectedVersion)
{
    public override SopTrigger Trigger => SopTrigger.SubmitData;
}

/// <summary>Setuju on a decision step, with the step's own fields (e.g. rekomendasi) and ticked kelengkapan.</summary>
public sealed record Approve(string ActorId, int Step, int ExpectedVersion, FormInput Input) : StepCommand(ActorId, Step, ExpectedVersion)
{
    public override SopTrigger Trigger => SopTrigger.Approve;
}

/// <summary>Tidak on a decision step. The reason (catatan perbaikan) is required, trimmed, at most 1,000 characters.</summary>
public sealed record Reject(string ActorId, int Step, int ExpectedVersion, string? Reason) : StepCommand(ActorId, Step, ExpectedVersion)
{
    public override SopTrigger Trigger => SopTrigger.Reject;
}

/// <summary>Records that the activity took place (step 6).</summary>
public sealed record RecordExecution(string ActorId, int Step, int ExpectedVersion, FormInput Input) : StepCommand(ActorId, Step, ExpectedVersion)
{
    public override SopTrigger Trigger => SopTrigger.RecordExecution;
}

/// <summary>Submits the activity report (step 7: ringkasan hasil, jumlah peserta, dokumentasi links, catatan); closes the kegiatan.</summary>
public sealed record SubmitReport(string ActorId, int Step, int ExpectedVersion, FormInput Input) : StepCommand(ActorId, Step, ExpectedVersion)
{
    public override SopTrigger Trigger => SopTrigger.SubmitReport;
}

/// <summary>Moves the current step to another holder of its role. By an Admin or a holder of the step role's superior role.</summary>
public sealed record Reassign(string ActorId, int Step, int ExpectedVersion, string NewAssigneeId, string? Reason = null)
    : StepCommand(ActorId, Step, ExpectedVersion)
{
    public override SopTrigger Trigger => SopTrigger.Reassign;
}

/// <summary>Cancels an open kegiatan, with a reason. Who may is data (<c>cancelBy</c>): for the real SOP the Ketua Tim Kerja who started it or the Kepala Bidang.</summary>
public sealed record Cancel(string ActorId, int ExpectedVersion, string? Reason) : KegiatanCommand(ActorId, ExpectedVersion)
{
    public override SopTrigger Trigger => SopTrigger.Cancel;
}
