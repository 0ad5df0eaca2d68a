using PerijinanBot.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Sop;

public sealed partial class SopCardViews
{
    /// <summary>
    /// <c>jadwal &lt;nomor&gt;</c>: the jadwal and tempat the facilitation has now, and inputs for the new ones (pre-filled with
    /// the current values, so only what changes is retyped) and the required reason. After a refusal pass what was submitted as
    /// <paramref name="draft"/> and the reason as <paramref name="error"/>.
    /// </summary>
    public RescheduleCardView Reschedule(Kegiatan kegiatan, SopDefinition definition, IReadOnlyDictionary<string, string?>? draft = null, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        var (current, step, fields) = Scheduled(kegiatan, definition);
        var jadwal = kegiatan.DateTimeValue(fields.Jadwal.Id);
        var tempat = fields.Tempat is { } t ? kegiatan.Value(t.Id) : null;

        var rows = new List<LabelledValue> { LabelledValue.Fixed(fields.Jadwal.Label, jadwal is { } at ? WibFormat.DateTime(at) : SopPhrases.Dash) };
        if (fields.Tempat is { } tempatField)
        {
            rows.Add(TempatRow(tempatField.Label, tempat));
        }

        // Pre-filled with the jadwal now, so a change of tempat alone needs no date typed again.
        var inputs = DateTimePickers(
            SopVerbs.NewJadwalInput,
            $"{fields.Jadwal.Label} baru",
            required: true,
            PickerValues(SopVerbs.NewJadwalInput, kegiatan.Value(fields.Jadwal.Id), draft));
        if (fields.Tempat is { } place)
        {
            var max = place.MaxLength ?? ShownValue.DefaultMaxChars;
            inputs.Add(new InputView(
                SopVerbs.NewTempatInput,
                $"{place.Label} baru",
                InputKind.Text,
                Required: true,
                $"{place.Label} wajib diisi, paling banyak {WibFormat.Number(max)} karakter.",
                Draft(draft, SopVerbs.NewTempatInput, out var typedTempat) ? typedTempat : tempat,
                MaxLength: max));
        }

        inputs.Add(new InputView(
            SopVerbs.AlasanInput,
            "Alasan perubahan jadwal",
            InputKind.Multiline,
            Required: true,
            $"Alasan wajib diisi, paling banyak {WibFormat.Number(RescheduleRules.MaxReasonLength)} karakter.",
            Draft(draft, SopVerbs.AlasanInput, out var typedReason) ? typedReason : null,
            MaxLength: RescheduleRules.MaxReasonLength,
            Placeholder: "misalnya: narasumber berhalangan, aula dipakai kegiatan lain"));

        var holder = current.Assignee?.Name ?? SopPhrases.Role(definition, step);
        var explanation =
            $"Isi jadwal dan/atau tempat yang baru, lalu tulis alasannya. Batas waktu {SopPhrases.StepRef(step)} dihitung ulang dari jadwal baru dan " +
            $"pengingat menyesuaikan; {holder} menerima kartu langkah yang baru, semua yang terlibat diberi tahu beserta alasannya, " +
            "dan acara kalender kegiatan ini (bila ada) ikut dipindahkan.";
        return new RescheduleCardView(
            Header(kegiatan, definition),
            $"Ubah jadwal pelaksanaan {kegiatan.Number}",
            error,
            Done: null,
            rows,
            State(kegiatan, definition),
            explanation,
            inputs,
            "Ubah jadwal",
            new CardTarget(kegiatan.Number, step.Number, kegiatan.Version));
    }

    /// <summary>The answer to a reschedule: read-only, the last change (old and new values, by whom, why) and where the kegiatan stands.</summary>
    public RescheduleCardView Rescheduled(Kegiatan kegiatan, SopDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        var (current, step, fields) = Scheduled(kegiatan, definition);
        var change = current.Reschedules.Count > 0 ? current.Reschedules[^1] : null;
        var rows = change is null ? [] : ChangeRows(change, fields, current.DueAt, step, withWho: true);
        var holder = current.Assignee?.Name ?? SopPhrases.Role(definition, step);
        return new RescheduleCardView(
            Header(kegiatan, definition),
            $"Ubah jadwal pelaksanaan {kegiatan.Number}",
            Error: null,
            change is null ? "Jadwal belum pernah diubah." : change.JadwalChanged ? "Jadwal diubah" : "Tempat diubah",
            rows,
            State(kegiatan, definition),
            change is null ? "Tidak ada perubahan." : $"{holder} menerima kartu {SopPhrases.StepRef(step)} yang baru; semua yang terlibat diberi tahu.",
            [],
            "Ubah jadwal",
            new CardTarget(kegiatan.Number, step.Number, kegiatan.Version));
    }

    /// <summary>"Jadwal pelaksanaan diubah", to everyone involved but the person who changed it: old and new, where, why, by whom.</summary>
    private static SopNotice RescheduledNotice(Rescheduled moved, Kegiatan after, SopDefinition definition)
    {
        var step = definition.Step(moved.Step);
        var fields = RescheduleRules.FieldsOf(definition, step);
        var change = new Rescheduling(moved.OldJadwal, moved.NewJadwal, moved.OldTempat, moved.NewTempat, moved.By, moved.At, moved.Reason);
        var to = after.Participants().Where(p => !string.Equals(p.Id, moved.By.Id, StringComparison.OrdinalIgnoreCase)).ToList();
        var what = change.JadwalChanged ? "Jadwal pelaksanaan" : "Tempat pelaksanaan";
        return Notice(NoticeKind.Rescheduled, to, after, definition, $"{what} diubah",
            [
                $"{what} kegiatan {moved.Number} diubah oleh {SopPhrases.Who(moved.By)} pada {WibFormat.DateTime(moved.At)}.",
                change.JadwalChanged
                    ? $"Sesuaikan agenda Anda: batas waktu {SopPhrases.StepRef(step)} kini dihitung dari jadwal baru."
                    : "Jadwalnya tetap; hanya tempatnya yang berubah.",
            ],
            fields is null ? [] : ChangeRows(change, fields, moved.DueAt, step, withWho: false),
            attention: true);
    }

    /// <summary>The history lines of the changes made while <paramref name="record"/> was open.</summary>
    private static IEnumerable<LabelledValue> RescheduleRows(StepRecord record)
    {
        foreach (var change in record.Reschedules)
        {
            var by = $"oleh {SopPhrases.Who(change.By)} pada {WibFormat.DateTime(change.At)}";
            yield return change.JadwalChanged
                ? LabelledValue.Fixed("Jadwal diubah", $"dari {WibFormat.DateTime(change.OldJadwal)} menjadi {WibFormat.DateTime(change.NewJadwal)} {by}")
                : LabelledValue.Fixed("Tempat diubah", by);
            if (change.TempatChanged)
            {
                yield return TempatRow("Tempat semula", change.OldTempat, HistoryReasonLimit);
                yield return TempatRow("Tempat baru", change.NewTempat, HistoryReasonLimit);
            }

            yield return LabelledValue.Typed("Alasan perubahan jadwal", change.Reason, HistoryReasonLimit);
        }
    }

    /// <summary>
    /// Old and new jadwal (one fixed line), by whom and when (<paramref name="withWho"/>: a notice already says it in its
    /// sentence), the new due time, the tempat (old and new when it moved), and the reason.
    /// </summary>
    private static List<LabelledValue> ChangeRows(Rescheduling change, RescheduleFields fields, DateTimeOffset due, StepDefinition step, bool withWho)
    {
        var rows = new List<LabelledValue>
        {
            LabelledValue.Fixed(
                fields.Jadwal.Label,
                change.JadwalChanged ? $"{WibFormat.DateTime(change.OldJadwal)} → {WibFormat.DateTime(change.NewJadwal)}" : $"{WibFormat.DateTime(change.NewJadwal)} (tetap)"),
        };
        if (withWho)
        {
            rows.Add(LabelledValue.Fixed("Diubah oleh", SopPhrases.Who(change.By)));
            rows.Add(LabelledValue.Fixed("Pada", WibFormat.DateTime(change.At)));
        }

        rows.Add(LabelledValue.Fixed($"Batas waktu langkah {step.Number}", WibFormat.DateTime(due)));
        if (fields.Tempat is { } tempat)
        {
            if (change.TempatChanged)
            {
                rows.Add(TempatRow($"{tempat.Label} semula", change.OldTempat));
                rows.Add(TempatRow($"{tempat.Label} baru", change.NewTempat));
            }
            else
            {
                rows.Add(TempatRow($"{tempat.Label} (tetap)", change.NewTempat));
            }
        }

        rows.Add(LabelledValue.Typed("Alasan", change.Reason, RescheduleRules.MaxReasonLength));
        return rows;
    }

    private static LabelledValue TempatRow(string label, string? tempat, int limit = 300) =>
        tempat is { Length: > 0 } typed ? LabelledValue.Typed(label, typed, limit) : LabelledValue.Fixed(label, SopPhrases.Dash);

    private static (StepRecord Current, StepDefinition Step, RescheduleFields Fields) Scheduled(Kegiatan kegiatan, SopDefinition definition)
    {
        var current = kegiatan.Current ?? throw new ArgumentException($"Kegiatan {kegiatan.Number} has no open step to reschedule.", nameof(kegiatan));
        var step = definition.Step(current.Step);
        var fields = RescheduleRules.FieldsOf(definition, step)
            ?? throw new ArgumentException($"Step {step.Number} of kegiatan {kegiatan.Number} is not timed from a jadwal.", nameof(kegiatan));
        return (current, step, fields);
    }

}
