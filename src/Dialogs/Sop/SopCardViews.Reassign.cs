using PerijinanBot.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Sop;

public sealed partial class SopCardViews
{
    /// <summary>
    /// <c>alihkan &lt;nomor&gt;</c>: the open kegiatan's current step, its holder, and the other holders of the step's role to
    /// move it to. After a refusal pass what was submitted as <paramref name="draft"/> and the reason as <paramref name="error"/>.
    /// </summary>
    public ReassignCardView Reassign(Kegiatan kegiatan, SopDefinition definition, IReadOnlyDictionary<string, string?>? draft = null, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        var current = kegiatan.Current ?? throw new ArgumentException($"Kegiatan {kegiatan.Number} has no open step to reassign.", nameof(kegiatan));
        var step = definition.Step(current.Step);
        var role = SopPhrases.Role(definition, step);
        var candidates = _holdersOf(step.Role)
            .Where(p => !string.Equals(current.Assignee?.Id, p.Id, StringComparison.OrdinalIgnoreCase))
            .Select(p => new ChoiceView(p.Id, p.Name))
            .ToList();
        var holder = current.Assignee is { } a ? $"{a.Name} ({role})" : $"belum ada pelaksana ({role})";
        var explanation = candidates.Count == 0
            ? $"Tidak ada pegawai lain yang memegang peran {role}, jadi {SopPhrases.StepRef(step)} belum dapat dialihkan. Catat pemegang peran di direktori terlebih dahulu."
            : $"{SopPhrases.StepRef(step, capital: true)} saat ini dipegang {holder}. Pilih {role} yang akan menerimanya: kartu langkah dan pengingat dikirim kepadanya, " +
              "batas waktunya tetap, dan pemegang sebelumnya diberi tahu beserta alasannya.";
        var newHolder = candidates.Count == 0 ? null : new InputView(
            SopVerbs.NewHolderInput,
            $"Alihkan kepada ({role})",
            InputKind.Choice,
            Required: true,
            SopTexts.NewHolderNeeded,
            Draft(draft, SopVerbs.NewHolderInput, out var picked) ? picked : null,
            Placeholder: "Pilih…",
            Choices: candidates);
        var alasan = candidates.Count == 0 ? null : new InputView(
            SopVerbs.AlasanInput,
            "Alasan pengalihan (tidak wajib)",
            InputKind.Multiline,
            Required: false,
            $"Alasan paling banyak {WibFormat.Number(SopVerbs.MaxAlasanLength)} karakter.",
            Draft(draft, SopVerbs.AlasanInput, out var typed) ? typed : null,
            MaxLength: SopVerbs.MaxAlasanLength,
            Placeholder: "misalnya: dinas luar, cuti, mutasi");
        return new ReassignCardView(
            Header(kegiatan, definition),
            $"Alihkan {SopPhrases.StepRef(step)}",
            error,
            Done: null,
            DoneReason: null,
            State(kegiatan, definition),
            explanation,
            newHolder,
            alasan,
            "Alihkan langkah",
            new CardTarget(kegiatan.Number, step.Number, kegiatan.Version));
    }

    /// <summary>The answer to a reassignment: read-only, who moved the step from whom to whom, and where it stands now.</summary>
    public ReassignCardView Reassigned(Kegiatan kegiatan, SopDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        var current = kegiatan.Current ?? throw new ArgumentException($"Kegiatan {kegiatan.Number} has no open step.", nameof(kegiatan));
        var step = definition.Step(current.Step);
        var move = current.Reassignments.Count > 0 ? current.Reassignments[^1] : null;
        var done = move is null
            ? $"{SopPhrases.StepRef(step, capital: true)} dipegang {SopPhrases.RoleAndName(definition, step, current.Assignee)}."
            : $"{SopPhrases.StepRef(step, capital: true)} dialihkan dari {move.From?.Name ?? "(belum ada pelaksana)"} kepada {move.To.Name} oleh {SopPhrases.Who(move.By)} pada {WibFormat.DateTime(move.At)}.";
        var explanation = move is null
            ? "Tidak ada perubahan."
            : $"{move.To.Name} menerima kartu langkah dan pengingatnya; batas waktu tetap {WibFormat.DateTime(current.DueAt)}." +
              (move.From is null ? "" : $" {move.From.Name} diberi tahu.");
        return new ReassignCardView(
            Header(kegiatan, definition),
            $"Alihkan {SopPhrases.StepRef(step)}",
            Error: null,
            done,
            move?.Reason is { } reason ? LabelledValue.Typed("Alasan", reason, SopVerbs.MaxAlasanLength) : null,
            State(kegiatan, definition),
            explanation,
            NewHolder: null,
            Alasan: null,
            "Alihkan langkah",
            new CardTarget(kegiatan.Number, step.Number, kegiatan.Version));
    }
}
