using System.Diagnostics.CodeAnalysis;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>The Indonesian words the SOP cards are built from, in one place so every card says a thing the same way.</summary>
internal static class SopPhrases
{
    /// <summary>"tepat waktu (12 menit dari 15 menit)" or "terlambat 1 jam 5 menit (1 jam 20 menit dari 15 menit)".</summary>
    public static string Measured(StepMeasurement m)
    {
        var took = $"{WibFormat.Duration(m.ActualWorkingTime)} dari {WibFormat.Waktu(m.Standard)}";
        return m.OnTime ? $"tepat waktu ({took})" : $"terlambat {WibFormat.Duration(m.LateBy)} ({took})";
    }

    /// <summary>What a finished visit of a step came to: "Setuju", "Tidak, dikembalikan ke langkah 2", ….</summary>
    public static string Outcome(StepRecord record, StepDefinition step) => record.Outcome switch
    {
        StepOutcome.Completed => step.Kind == StepKind.Start ? "Dimulai" : "Data dikirim",
        StepOutcome.Approved => "Setuju",
        StepOutcome.SentBack => $"Tidak, dikembalikan ke langkah {record.SentBackTo}",
        StepOutcome.Executed => "Pelaksanaan dicatat",
        StepOutcome.Reported => "Laporan dikirim",
        StepOutcome.Cancelled => "Dibatalkan",
        _ => "Selesai",
    };

    /// <summary>"Langkah 3: Verifikasi data dukung".</summary>
    public static string Step(StepDefinition step) => $"Langkah {step.Number}: {step.Title}";

    /// <summary>Inside a sentence: "langkah 3 (Verifikasi data dukung)"; at its start "Langkah 3 (…)".</summary>
    public static string StepRef(StepDefinition step, bool capital = false) => $"{(capital ? 'L' : 'l')}angkah {step.Number} ({step.Title})";

    /// <summary>"Langkah 3 dari 7: Verifikasi data dukung".</summary>
    public static string StepOf(StepDefinition step, SopDefinition definition) =>
        $"Langkah {step.Number} dari {definition.Steps.Count}: {step.Title}";

    /// <summary>The pelaksana in sentences: "Kepala Bidang".</summary>
    public static string Role(SopDefinition definition, StepDefinition step) =>
        definition.Roles.FirstOrDefault(r => r.Role == step.Role)?.ShortName ?? step.RoleName;

    /// <summary>The pelaksana as the SOP writes it: "Kepala Bidang Perijinan dan Kelembagaan".</summary>
    public static string RoleFull(SopDefinition definition, StepDefinition step) =>
        definition.Roles.FirstOrDefault(r => r.Role == step.Role)?.Name ?? step.RoleName;

    /// <summary>"Kepala Bidang (Hendra Wijaya)", or just the role when the person is not known yet.</summary>
    public static string RoleAndName(SopDefinition definition, StepDefinition step, PersonRef? person) =>
        person is null ? Role(definition, step) : $"{Role(definition, step)} ({person.Name})";

    /// <summary>A visit after a send-back is a correction: " (perbaikan ke-1)" for the second visit; empty for the first.</summary>
    public static string Attempt(int attempt) => attempt > 1 ? $" (perbaikan ke-{attempt - 1})" : "";

    /// <summary>"31 Agustus 2023": a date in the SOP header, without the weekday.</summary>
    public static string PlainDate(DateOnly date) => WibFormat.PlainDate(date);

    /// <summary>"Anda bertindak selaku Plh. Kepala Bidang … (menggantikan Hendra Gunawan) berdasarkan Surat Perintah Nomor … tanggal …. …".</summary>
    public static string StandInNote(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return $"Anda bertindak selaku {Markdown.Literal(actor.StandInTitle())} (menggantikan {actor.OnBehalfOf?.Name}) berdasarkan {Markdown.Literal(actor.BasisText)}. " +
            $"Tindakan Anda dicatat atas nama Anda sebagai {StandInRules.Abbreviation(actor.StandInKind ?? StandInKind.Absence)}";
    }

    /// <summary>
    /// Who acted, for a markdown sentence: "Rina Marlina", or "Dewi Lestari selaku Plh. Kepala Bidang Perijinan dan Kelembagaan
    /// (Surat Perintah Nomor … tanggal …)". The position and the basis were typed (directory, plh form), so they go through
    /// <see cref="Markdown.Literal"/> (<see cref="Actor.Describe"/> is the engine's plain wording, for its own refusals, which
    /// cards show as TextRuns).
    /// </summary>
    [return: NotNullIfNotNull(nameof(actor))]
    public static string? Who(Actor? actor) => actor switch
    {
        null => null,
        { OnBehalfOf: null } => actor.Name,
        _ => $"{actor.Name} selaku {Markdown.Literal(actor.StandInTitle())} ({Markdown.Literal(actor.BasisText)})",
    };

    /// <summary>The label of a field a decision step requires for Setuju only (a Tidak needs just its reason).</summary>
    public static string RequiredForSetuju(string label) => $"{label} (wajib untuk Setuju)";

    public static string RequiredForSetujuError(string label, int? maxLength) =>
        $"{label} wajib diisi untuk Setuju{(maxLength is int max ? $", paling banyak {WibFormat.Number(max)} karakter" : "")}; untuk Tidak cukup alasannya.";

    public const string Cut = "… (dipotong; teks lengkap tersimpan)";

    public const string Dash = "—";
}
