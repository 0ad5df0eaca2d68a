using PerijinanBot.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Sop;

public sealed partial class SopCardViews
{
    /// <summary>
    /// The notices an accepted command calls for, with their recipients, from its events and the state after it. The next
    /// assignee's card is the step card itself (build it with <see cref="Step"/> for each <see cref="StepAssigned"/>).
    /// </summary>
    public IReadOnlyList<SopNotice> Notices(IReadOnlyList<KegiatanEvent> events, Kegiatan after, SopDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(definition);
        var notices = new List<SopNotice>();
        foreach (var e in events)
        {
            var notice = e switch
            {
                StepApproved a => Approved(a, after, definition),
                StepSentBack s when s.ReturnedToAssignee is { } to => Notice(NoticeKind.SentBack, [to], after, definition, "Pekerjaan Anda dikembalikan",
                    [
                        $"Dikembalikan oleh {SopPhrases.Who(s.By)} di {SopPhrases.StepRef(definition.Step(s.Step))} pada {WibFormat.DateTime(s.At)}.",
                        $"Perbaiki {SopPhrases.StepRef(definition.Step(s.ReturnedTo))}. Data yang sudah diisi tetap tersimpan; kartunya dikirim terpisah.",
                    ],
                    [LabelledValue.Typed("Alasan", s.Reason, SopVerbs.MaxAlasanLength)], attention: true),
                StepAssigned { Assignee: null } v => Notice(NoticeKind.Vacant, [], after, definition, "Langkah tanpa pelaksana",
                    [
                        $"{SopPhrases.StepRef(definition.Step(v.Step), capital: true)} kegiatan {v.Number} menunggu {SopPhrases.Role(definition, definition.Step(v.Step))}, tetapi tidak ada pegawai yang memegang peran itu.",
                        "Catat pemegang peran di direktori, lalu alihkan langkah ini kepadanya.",
                    ], [], attention: true),
                Reassigned r when r.From is { } from && !string.Equals(from.Id, r.By.Id, StringComparison.OrdinalIgnoreCase) =>
                    Notice(NoticeKind.Reassigned, [from], after, definition, "Langkah Anda dialihkan",
                    [$"{SopPhrases.StepRef(definition.Step(r.Step), capital: true)} dialihkan dari Anda kepada {r.To.Name} oleh {SopPhrases.Who(r.By)} pada {WibFormat.DateTime(r.At)}. Anda tidak perlu menindaklanjutinya lagi."],
                    r.Reason is { } why ? [LabelledValue.Typed("Alasan", why, SopVerbs.MaxAlasanLength)] : [], attention: false),
                Rescheduled moved => RescheduledNotice(moved, after, definition),
                Closed c => Closing(c, after, definition),
                Cancelled x => Notice(NoticeKind.Cancelled, [.. x.Participants.Where(p => !string.Equals(p.Id, x.By.Id, StringComparison.OrdinalIgnoreCase))], after, definition,
                    $"Kegiatan {x.Number} dibatalkan",
                    [$"Kegiatan {x.Number} dibatalkan oleh {SopPhrases.Who(x.By)} pada {WibFormat.DateTime(x.At)}, saat berada di {SopPhrases.StepRef(definition.Step(x.Step))}. Tidak ada lagi yang perlu ditindaklanjuti."],
                    [LabelledValue.Typed("Alasan", x.Reason, SopVerbs.MaxAlasanLength)], attention: true),
                _ => null,
            };
            if (notice is not null)
            {
                notices.Add(notice);
            }
        }

        return notices;
    }

    /// <summary>
    /// Setuju: the person whose work it was is told. On the last decision before execution (step 5, the Kepala Dinas) the
    /// Kepala Bidang who forwarded it, and the holder they stood in for, get the disposition instead.
    /// </summary>
    private SopNotice? Approved(StepApproved approved, Kegiatan after, SopDefinition definition)
    {
        var step = definition.Step(approved.Step);
        var next = step.Next is int n ? definition.Step(n) : null;
        var nextRecord = after.Steps.LastOrDefault(r => next is not null && r.Step == next.Number);
        var onward = next is null ? "Kegiatan selesai." : $"Berikutnya: {SopPhrases.StepRef(next)} oleh {SopPhrases.RoleAndName(definition, next, nextRecord?.Assignee)}.";
        var notes = after.Data.TryGetValue(step.Number, out var data)
            ? step.Fields.Where(f => data.Values.ContainsKey(f.Id)).Select(f => new LabelledValue(f.Label, Shown(f, data.Values[f.Id], ShownValue.DefaultMaxChars))).ToList()
            : [];

        if (IsDisposition(definition, step) && step.SendBackTo is int fed)
        {
            var forwarded = after.Steps.LastOrDefault(r => r.Step == fed && r.Outcome == StepOutcome.Approved)?.FinishedBy;
            var to = new List<PersonRef>();
            foreach (var person in new[] { approved.WorkOf, forwarded?.OnBehalfOf })
            {
                if (person is not null && !to.Exists(p => p.Id == person.Id))
                {
                    to.Add(person);
                }
            }

            var recipientRole = SopPhrases.Role(definition, definition.Step(fed));
            return to.Count == 0 ? null : Notice(NoticeKind.Disposition, to, after, definition, $"Disposisi {SopPhrases.Role(definition, step)}",
                [
                    $"{SopPhrases.Who(approved.By)} ({SopPhrases.Role(definition, step)}) menyetujui kegiatan {approved.Number} pada {WibFormat.DateTime(approved.At)} dan mendisposisikannya kepada {recipientRole} untuk ditindaklanjuti.",
                    onward,
                ], notes, attention: false);
        }

        if (approved.WorkOf is not { } workOf || string.Equals(workOf.Id, approved.By.Id, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Notice(NoticeKind.Approved, [workOf], after, definition, "Pekerjaan Anda disetujui",
            [$"Pekerjaan Anda disetujui oleh {SopPhrases.Who(approved.By)} di {SopPhrases.StepRef(step)} pada {WibFormat.DateTime(approved.At)}.", onward],
            notes, attention: false);
    }

    /// <summary>The card of the current step cannot reach <paramref name="holderName"/>; <paramref name="problem"/> says why (Indonesian).</summary>
    public static SopNotice Undeliverable(Kegiatan kegiatan, SopDefinition definition, PersonRef assigner, string holderName, string problem)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        var step = definition.Step(kegiatan.CurrentStep);
        return Notice(NoticeKind.Undeliverable, [assigner], kegiatan, definition, "Kartu langkah belum terkirim",
            [
                $"Kartu {SopPhrases.StepRef(step)} kegiatan {kegiatan.Number} belum dapat dikirim kepada {holderName}: {problem}.",
                $"Bot terus mencoba mengirimnya. Sementara itu, minta {holderName} membuka PerijinanBot di Teams (ketik **bantuan**).",
            ], [], attention: true);
    }

    private static SopNotice Closing(Closed closed, Kegiatan after, SopDefinition definition)
    {
        var last = after.Steps.LastOrDefault(r => r.FinishedBy is not null);
        var output = last is null ? "Laporan" : definition.Step(last.Step).Output;
        var measured = after.Steps.Where(r => r.Measurement is not null).ToList();
        var onTime = measured.Count(r => r.Measurement!.OnTime);
        return Notice(NoticeKind.Closed, closed.Participants, after, definition, $"Kegiatan {closed.Number} selesai",
            [
                $"Kegiatan {closed.Number} selesai; {output} diserahkan oleh {SopPhrases.Who(last?.FinishedBy) ?? SopPhrases.Dash} pada {WibFormat.DateTime(closed.At)}.",
                $"{onTime} dari {measured.Count} langkah selesai tepat waktu. Terima kasih atas kerja samanya.",
            ], [], attention: false);
    }

    private static SopNotice Notice(NoticeKind kind, IReadOnlyList<PersonRef> to, Kegiatan after, SopDefinition definition, string title, IReadOnlyList<string> lines, IReadOnlyList<LabelledValue> notes, bool attention) =>
        new(kind, to, new NoticeView(title, Header(after, definition), lines, notes, attention, after.Number));
}
