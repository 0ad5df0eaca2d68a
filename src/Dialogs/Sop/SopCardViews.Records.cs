using PerijinanBot.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Sop;

public sealed partial class SopCardViews
{
    /// <summary>At most this many tasks or history entries are listed, so a card never outgrows its budget.</summary>
    internal const int MaxListed = 20;

    private const string StalePrefix = "Kartu ini sudah tidak berlaku: ";

    /// <summary>
    /// The read-only card that replaces a decided card (and older copies of it): the last finished visit of
    /// <paramref name="step"/> (or that <paramref name="attempt"/>), who decided what and when, and what happens next.
    /// </summary>
    public OutcomeCardView Outcome(Kegiatan kegiatan, SopDefinition definition, int step, int? attempt = null)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        var steps = kegiatan.Steps.ToList();
        var index = steps.FindLastIndex(r => r.Step == step && r.FinishedAt is not null && (attempt is null || r.Attempt == attempt));
        if (index < 0)
        {
            throw new ArgumentException($"Kegiatan {kegiatan.Number} has no finished visit of step {step}.", nameof(step));
        }

        var record = steps[index];
        var stepDefinition = definition.Step(step);
        var by = record.FinishedBy;
        var rows = new List<LabelledValue> { LabelledValue.Fixed("Oleh", by?.Name ?? SopPhrases.Dash) };
        if (by?.OnBehalfOf is { } holder)
        {
            var title = by.StandInTitle(SopPhrases.RoleFull(definition, stepDefinition));
            rows.Add(LabelledValue.Fixed("Sebagai", $"{Markdown.Literal(title)} (menggantikan {holder.Name}), dasar {Markdown.Literal(by.BasisText)}"));
        }

        rows.Add(LabelledValue.Fixed("Pada", WibFormat.DateTime(record.FinishedAt!.Value)));
        if (record.Measurement is { } measured)
        {
            rows.Add(LabelledValue.Fixed("Ketepatan waktu", SopPhrases.Measured(measured)));
        }

        if (record.Reason is { } reason)
        {
            rows.Add(LabelledValue.Typed("Alasan", reason, SopVerbs.MaxAlasanLength));
        }
        else if (record.Outcome != StepOutcome.SentBack && kegiatan.Data.TryGetValue(step, out var data))
        {
            rows.AddRange(stepDefinition.Fields
                .Where(f => InData(f) && data.Values.ContainsKey(f.Id))
                .Select(f => new LabelledValue(f.Label, Shown(f, data.Values[f.Id], EarlierTextLimit, kegiatan))));
        }

        var following = index + 1 < steps.Count ? steps[index + 1] : null;
        return new OutcomeCardView(
            Header(kegiatan, definition),
            SopPhrases.StepOf(stepDefinition, definition) + SopPhrases.Attempt(record.Attempt),
            SopPhrases.Outcome(record, stepDefinition),
            record.Outcome is StepOutcome.SentBack or StepOutcome.Cancelled,
            rows,
            NextText(kegiatan, definition, record, following),
            kegiatan.Number,
            Timeline(kegiatan, definition));
    }

    /// <summary>
    /// What someone sees instead of a change: the engine's refusal (not their turn, already closed, …), or for a stale card
    /// what happened instead; both with the current state. <paramref name="kegiatan"/> is null when there is none (e.g. mulai).
    /// </summary>
    public RefusalCardView Refusal(Refusal refusal, Kegiatan? kegiatan, SopDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var stale = refusal.Code == RefusalCode.Stale;
        var message = refusal.Message;
        if (stale && message.StartsWith(StalePrefix, StringComparison.Ordinal) && message.Length > StalePrefix.Length)
        {
            message = string.Concat(message[StalePrefix.Length..(StalePrefix.Length + 1)].ToUpperInvariant(), message.AsSpan(StalePrefix.Length + 1));
        }

        var title = stale ? "Kartu ini sudah tidak berlaku" : refusal.Code switch
        {
            RefusalCode.NotYours => "Tindakan ini bukan untuk Anda",
            RefusalCode.NotRegistered => "Anda belum terdaftar",
            RefusalCode.Finished => "Kegiatan sudah ditutup",
            _ => "Tindakan tidak dapat diproses",
        };
        var known = kegiatan is not null && definition is not null;
        return new RefusalCardView(
            title,
            message,
            stale,
            known ? Header(kegiatan, definition!) : null,
            known ? State(kegiatan!, definition!) : null,
            stale && kegiatan?.Status == KegiatanStatus.Open ? kegiatan.Number : null,
            known ? Timeline(kegiatan, definition!) : []);
    }

    /// <summary>
    /// <c>tugas</c>: the open steps the Bot found for the viewer (as assignee, or as Plh./Plt. of the assignee), late ones first,
    /// then by due time. <paramref name="actingAs"/> says as whom the viewer may act on a kegiatan (the engine's permitted
    /// action): a stand-in's line names the position, "Sebagai Plh. Kepala Bidang … (menggantikan Hendra Gunawan)".
    /// </summary>
    public TasksCardView Tasks(IEnumerable<(Kegiatan Kegiatan, SopDefinition Definition)> open, string viewerId, Func<Kegiatan, Actor?>? actingAs = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        var rows = open
            .Where(x => x.Kegiatan.Current is not null)
            .Select(x => (x.Kegiatan, x.Definition, Current: x.Kegiatan.Current!, Timing: Timing(x.Kegiatan.Current!)))
            .OrderByDescending(x => x.Timing.Late)
            .ThenBy(x => x.Current.DueAt)
            .ToList();
        var items = rows.Take(MaxListed).Select(x =>
        {
            var step = x.Definition.Step(x.Current.Step);
            var assignee = x.Current.Assignee;
            var plh = assignee is not null && !string.Equals(assignee.Id, viewerId, StringComparison.OrdinalIgnoreCase)
                ? actingAs?.Invoke(x.Kegiatan) is { IsStandIn: true } actor
                    ? $"Sebagai {Markdown.Literal(actor.StandInTitle())} (menggantikan {assignee.Name})"
                    : $"Menggantikan {assignee.Name}"
                : null;
            return new TaskItem(
                x.Kegiatan.Number,
                KegiatanKoperasi.Names(x.Kegiatan),
                SopPhrases.Step(step) + SopPhrases.Attempt(x.Current.Attempt),
                $"Batas waktu: {WibFormat.DateTime(x.Current.DueAt)}",
                x.Timing.Text,
                x.Timing.Late,
                plh);
        }).ToList();
        var late = rows.Count(x => x.Timing.Late);
        var summary = rows.Count == 0
            ? "Tidak ada langkah yang menunggu tindakan Anda."
            : $"{rows.Count} langkah menunggu tindakan Anda" + (late > 0 ? $", {late} di antaranya terlambat." : ".");
        var omitted = rows.Count > MaxListed ? $"… dan {rows.Count - MaxListed} langkah lainnya. Selesaikan yang terlambat lebih dahulu." : null;
        return new TasksCardView("Tugas Anda", summary, items, omitted);
    }

    /// <summary><c>status &lt;nomor&gt;</c>: where the kegiatan is, who holds it since when, and the timeline.</summary>
    public StatusCardView Status(Kegiatan kegiatan, SopDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        return new StatusCardView(
            Header(kegiatan, definition),
            $"Status kegiatan {kegiatan.Number}",
            State(kegiatan, definition),
            kegiatan.Status == KegiatanStatus.Open,
            kegiatan.Number,
            Timeline(kegiatan, definition));
    }

    /// <summary><c>batal &lt;nomor&gt;</c>: what will be cancelled, and the required reason.</summary>
    public CancelCardView Cancel(Kegiatan kegiatan, SopDefinition definition, IReadOnlyDictionary<string, string?>? draft = null, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        return new CancelCardView(
            Header(kegiatan, definition),
            $"Batalkan kegiatan {kegiatan.Number}?",
            error,
            "Pembatalan menghentikan kegiatan ini pada langkah saat ini dan tidak dapat diurungkan. Semua yang terlibat akan diberi tahu beserta alasannya.",
            State(kegiatan, definition),
            AlasanInput("Alasan pembatalan", draft),
            "Batalkan kegiatan",
            new CardTarget(kegiatan.Number, kegiatan.CurrentStep, kegiatan.Version));
    }

    private static string NextText(Kegiatan kegiatan, SopDefinition definition, StepRecord record, StepRecord? following)
    {
        if (record.Outcome == StepOutcome.Cancelled)
        {
            return "Kegiatan dibatalkan. Tidak ada langkah lanjutan; semua yang terlibat diberi tahu.";
        }

        if (following is null)
        {
            return kegiatan.Status == KegiatanStatus.Closed
                ? "Kegiatan selesai. Semua yang terlibat diberi tahu."
                : "Tidak ada langkah lanjutan.";
        }

        var target = definition.Step(following.Step);
        var who = following.Assignee is null
            ? $"{SopPhrases.Role(definition, target)} (belum ada pelaksana; Admin diberi tahu)"
            : SopPhrases.RoleAndName(definition, target, following.Assignee);
        return record.Outcome == StepOutcome.SentBack
            ? $"Dikembalikan ke {SopPhrases.StepRef(target)}, kepada {who}."
            : $"Diteruskan ke {who} untuk {SopPhrases.StepRef(target)}.";
    }
}
