using PerijinanBot.Sop.People;

namespace PerijinanBot.Dialogs.Commands;

/// <summary>What a person asked the bot to do.</summary>
public enum CommandKind
{
    /// <summary>The text matched no command: answered with a short hint.</summary>
    Unknown,
    Help,
    Roles,
    Start,
    Tasks,
    Status,
    History,
    Sop,
    Cancel,

    /// <summary>Mutasi: an Admin or the superior moves the current step of a kegiatan to another holder of its role.</summary>
    Reassign,

    /// <summary>Ubah jadwal: the Ketua holding step 6 or the Kepala Bidang moves the facilitation's jadwal and/or tempat.</summary>
    Reschedule,

    /// <summary>Plh./Plt.: appoint a stand-in for a date range, see and end appointments.</summary>
    Delegation,

    /// <summary>The Buku Agenda Surat Keluar of this month or year, its Excel export, and recording SRIKANDI numbers.</summary>
    Agenda,

    /// <summary>Fresh download links to a closed kegiatan's Laporan Kegiatan.</summary>
    Documents,

    /// <summary>The SOP compliance report of a month, quarter, semester or year: card, chart, XLSX, monitoring form.</summary>
    Compliance,

    /// <summary>Admin: the outbox items the bot stopped trying, with their last error, and requeueing them.</summary>
    Outbox,

    /// <summary>Cari: the kegiatan of a koperasi, found by its name or its Nomor Induk Koperasi.</summary>
    Search,
}

/// <param name="Kind">The command.</param>
/// <param name="Argument">What followed the command word (e.g. a kegiatan number), trimmed; empty when none.</param>
/// <param name="Text">The text as understood, mentions removed: echoed in the hint for unknown input.</param>
public sealed record ParsedCommand(CommandKind Kind, string Argument, string Text);

/// <summary>One command as the help card lists it.</summary>
/// <param name="ButtonTitle">The label of a button that runs it, in a welcome or help card.</param>
/// <param name="For">The roles it is meant for (null: everyone); the bot still checks on use.</param>
public sealed record CommandInfo(CommandKind Kind, string Word, string Usage, string Description, IReadOnlyList<string> Aliases, string ButtonTitle, IReadOnlySet<Role>? For = null)
{
    /// <summary>Needs something after the word (a kegiatan number), so a button alone cannot run it.</summary>
    public bool TakesArgument => Usage.Contains('‹', StringComparison.Ordinal);

    public bool IsFor(IReadOnlySet<Role> roles) => For is null || For.Overlaps(roles);
}
