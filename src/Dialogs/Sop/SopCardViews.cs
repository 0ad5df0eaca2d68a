using PerijinanBot.Sop;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>
/// Builds the view of every SOP card from the engine's state. Made per turn (it holds the time the cards are made at);
/// pure otherwise. Names come from the kegiatan's own snapshots, and from <c>nameOf</c> for ids stored in form fields.
/// </summary>
public sealed partial class SopCardViews
{
    /// <summary>
    /// Start-step fields shown in every card's header rather than in the data sections; a koperasi list shows its names and NIK
    /// there and every detail in the data sections too (<see cref="InData"/>).
    /// </summary>
    internal static readonly string[] HeaderFields = ["jenisFasilitasi", "judul", "koperasi", "kabupatenKota"];

    /// <summary>Whether a stored field is listed in a data section (or an outcome's rows).</summary>
    internal static bool InData(FieldDefinition field) => field.Kind == FieldKind.KoperasiList || !HeaderFields.Contains(field.Id);

    private readonly WorkCalendar _calendar;
    private readonly Func<string, string?> _nameOf;
    private readonly Func<Role, IReadOnlyList<PersonOption>> _holdersOf;

    /// <param name="calendar">The office calendar: due times, working time left or late.</param>
    /// <param name="now">When the cards are made.</param>
    /// <param name="nameOf">Person id → name (the directory), for ids stored in form fields.</param>
    /// <param name="holdersOf">Who may be picked in a person field needing this role (the directory's holders).</param>
    public SopCardViews(WorkCalendar calendar, DateTimeOffset now, Func<string, string?> nameOf, Func<Role, IReadOnlyList<PersonOption>>? holdersOf = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(nameOf);
        _calendar = calendar;
        _nameOf = nameOf;
        _holdersOf = holdersOf ?? (_ => []);
        Now = now;
    }

    public DateTimeOffset Now { get; }

    /// <summary>The usual wiring: names and holders from the people directory.</summary>
    public static SopCardViews For(WorkCalendar calendar, DateTimeOffset now, PeopleDirectory people)
    {
        ArgumentNullException.ThrowIfNull(people);
        return new SopCardViews(
            calendar,
            now,
            id => people.Find(id)?.Name,
            role => [.. people.HoldersOf(role).Select(p => new PersonOption(p.AadObjectId, p.Name))]);
    }

    internal static KegiatanHeader Header(Kegiatan? kegiatan, SopDefinition definition)
    {
        var rows = new List<LabelledValue>
        {
            LabelledValue.Fixed("Nomor kegiatan", kegiatan?.Number ?? "Baru (nomor diberikan setelah formulir dikirim)"),
        };
        foreach (var id in HeaderFields)
        {
            if (kegiatan?.Value(id) is { Length: > 0 } value && definition.FindField(id) is { } found)
            {
                var label = id == "jenisFasilitasi" ? "Jenis fasilitasi" : found.Field.Label;
                rows.Add(new LabelledValue(label, HeaderValue(definition, found.Field, value)));
            }
        }

        // Fixed values first: they share one compact FactSet; typed ones (judul, koperasi) follow as text runs.
        rows = [.. rows.OrderBy(r => r.Value.Kind != ValueKind.Fixed)];
        return new KegiatanHeader($"SOP {definition.Header.NomorSop} {SopPhrases.Dash} {definition.Header.Nama}", rows);
    }

    /// <summary>Every step of the SOP: done (on time or late), current, or waiting.</summary>
    internal IReadOnlyList<TimelineEntry> Timeline(Kegiatan? kegiatan, SopDefinition definition)
    {
        var entries = new List<TimelineEntry>();
        foreach (var step in definition.Steps)
        {
            // Not "1. …": a TextBlock starting with a number and a dot is rendered as a Markdown list.
            var title = $"Langkah {step.Number} · {step.Title}";
            var role = SopPhrases.Role(definition, step);
            var last = kegiatan?.Steps.LastOrDefault(r => r.Step == step.Number);
            entries.Add((kegiatan, last) switch
            {
                (null, _) when step.Number == definition.FirstStep.Number =>
                    new(step.Number, title, role, TimelineState.Current, "Sedang Anda isi.", false),
                (null, _) or (_, null) => new(step.Number, title, role, TimelineState.Waiting, "Belum dimulai.", false),
                (_, { IsOpen: true }) => Current(step, title, role, last),
                (_, { Outcome: StepOutcome.Cancelled }) =>
                    new(step.Number, title, role, TimelineState.Stopped, $"Dibatalkan oleh {SopPhrases.Who(last.FinishedBy)} · {WibFormat.DateTime(last.FinishedAt!.Value)}", false),
                _ when kegiatan.Status == KegiatanStatus.Open && step.Number > kegiatan.CurrentStep =>
                    new(step.Number, title, role, TimelineState.Waiting, $"Menunggu lagi. Terakhir: {Finished(step, last)}", false),
                _ => new(step.Number, title, role, TimelineState.Done, Finished(step, last), last.Measurement?.OnTime == false),
            });
        }

        return entries;
    }

    /// <summary>Where the kegiatan is and who holds it (open), or how it ended.</summary>
    internal StateView State(Kegiatan kegiatan, SopDefinition definition)
    {
        if (kegiatan.Cancellation is { } cancel)
        {
            return new StateView(
            [
                LabelledValue.Fixed("Status", $"Dibatalkan pada langkah {cancel.Step}"),
                LabelledValue.Fixed("Dibatalkan oleh", SopPhrases.Who(cancel.By)),
                LabelledValue.Fixed("Pada", WibFormat.DateTime(cancel.At)),
                LabelledValue.Typed("Alasan", cancel.Reason),
            ], null);
        }

        if (kegiatan.Current is not { } current)
        {
            var last = kegiatan.Steps.Count > 0 ? kegiatan.Steps[^1] : null;
            return new StateView(
            [
                LabelledValue.Fixed("Status", "Selesai"),
                LabelledValue.Fixed("Selesai pada", WibFormat.DateTime(kegiatan.ClosedAt ?? kegiatan.UpdatedAt)),
                LabelledValue.Fixed("Langkah terakhir oleh", SopPhrases.Who(last?.FinishedBy) ?? SopPhrases.Dash),
            ], null);
        }

        var step = definition.Step(current.Step);
        var since = current.Reassignments.Count > 0 ? current.Reassignments[^1].At : current.EnteredAt;
        var holder = current.Assignee is { } a ? $"{a.Name} ({SopPhrases.Role(definition, step)})" : $"Belum ada pelaksana ({SopPhrases.Role(definition, step)})";
        var (timing, late) = Timing(current);
        return new StateView(
        [
            LabelledValue.Fixed("Langkah", SopPhrases.StepOf(step, definition) + SopPhrases.Attempt(current.Attempt)),
            LabelledValue.Fixed("Pelaksana", holder),
            LabelledValue.Fixed("Sejak", WibFormat.DateTime(since)),
            LabelledValue.Fixed("Batas waktu", late ? WibFormat.DateTime(current.DueAt) : $"{WibFormat.DateTime(current.DueAt)} ({timing})"),
        ], late ? timing : null);
    }

    /// <summary>"TERLAMBAT 2 jam" (late), "sisa 45 menit waktu kerja", or when a step timed from a field starts counting.</summary>
    internal (string Text, bool Late) Timing(StepRecord current)
    {
        if (Now < current.ClockStartsAt)
        {
            return ($"waktu dihitung mulai {WibFormat.DateTime(current.ClockStartsAt)}", false);
        }

        var late = _calendar.WorkingTimeBetween(current.DueAt, Now);
        if (late > TimeSpan.Zero)
        {
            return ($"TERLAMBAT {WibFormat.Duration(late)}", true);
        }

        var left = _calendar.WorkingTimeBetween(Now, current.DueAt);
        return (left > TimeSpan.Zero ? $"sisa {WibFormat.Duration(left)} waktu kerja" : "batas waktu sudah tiba", false);
    }

    /// <summary>Who the kegiatan will reach at <paramref name="step"/>, when that is already known.</summary>
    /// <remarks>Mirrors the engine's assignment rules; for a role holder it names someone only when that is certain.</remarks>
    internal PersonRef? Expected(Kegiatan kegiatan, StepDefinition step) => step.Assignment.Rule switch
    {
        AssignmentRule.Starter => kegiatan.Starter,
        AssignmentRule.AssignedAtStart => kegiatan.AssignedAtStart.GetValueOrDefault(step.Assignment.Field ?? ""),
        _ => _holdersOf(step.Role) switch
        {
            [var only] => new PersonRef(only.Id, only.Name),
            [] => null,
            var holders => kegiatan.Steps.LastOrDefault(r => r.Step == step.Number)?.Assignee is { } previous && holders.Any(h => h.Id == previous.Id) ? previous : null,
        },
    };

    private TimelineEntry Current(StepDefinition step, string title, string role, StepRecord record)
    {
        var who = record.Assignee?.Name ?? "Belum ada pelaksana";
        var (timing, late) = Timing(record);
        var detail = $"Sedang dikerjakan{SopPhrases.Attempt(record.Attempt)}: {who} · batas {WibFormat.DateTime(record.DueAt)} · {timing}";
        return new(step.Number, title, role, TimelineState.Current, detail, late);
    }

    private static string Finished(StepDefinition step, StepRecord record)
    {
        var text = $"{SopPhrases.Outcome(record, step)}{SopPhrases.Attempt(record.Attempt)} oleh {SopPhrases.Who(record.FinishedBy)} · {WibFormat.DateTime(record.FinishedAt!.Value)}";
        return record.Measurement is { } m ? $"{text} · {SopPhrases.Measured(m)}" : text;
    }

    private static ShownValue HeaderValue(SopDefinition definition, FieldDefinition field, string value)
    {
        if (field.Kind == FieldKind.KoperasiList)
        {
            return ShownValue.Typed(KoperasiCompact(value), 1500);
        }

        if (field.Id == "jenisFasilitasi" && definition.JenisFasilitasi.FirstOrDefault(j => j.Kode == value) is { } jenis)
        {
            return ShownValue.Fixed($"{jenis.Kode} {SopPhrases.Dash} {jenis.Nama}");
        }

        return field.Choices.FirstOrDefault(c => c.Value == value) is { } choice ? ShownValue.Fixed(choice.Label) : ShownValue.Typed(value, 300);
    }
}
