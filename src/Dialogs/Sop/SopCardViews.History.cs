using PerijinanBot.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Sop;

public sealed partial class SopCardViews
{
    /// <summary>Reasons in the history are cut for display at this length; the record keeps them whole.</summary>
    internal const int HistoryReasonLimit = 400;

    /// <summary>
    /// <c>riwayat &lt;nomor&gt;</c>: every visit of every step in order (assignee, entered, due, finished, outcome, by whom and
    /// as whose Plh., reason, standard against actual time), with reassignments, changes of jadwal and the cancellation. When
    /// there are more than <see cref="MaxListed"/> visits the latest are shown.
    /// </summary>
    public HistoryCardView History(Kegiatan kegiatan, SopDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        var records = kegiatan.Steps;
        var skipped = Math.Max(0, records.Count - MaxListed);
        var entries = records.Skip(skipped).Select(r => Entry(definition, r)).ToList();
        var omitted = skipped > 0 ? $"{skipped} catatan paling awal tidak ditampilkan agar kartu tidak terlalu besar." : null;
        return new HistoryCardView(Header(kegiatan, definition), $"Riwayat kegiatan {kegiatan.Number}", entries, omitted, kegiatan.Number);
    }

    private HistoryEntry Entry(SopDefinition definition, StepRecord record)
    {
        var step = definition.Step(record.Step);
        var rows = new List<LabelledValue>
        {
            LabelledValue.Fixed("Pelaksana", record.Assignee is { } a ? $"{a.Name} ({SopPhrases.Role(definition, step)})" : $"Belum ada ({SopPhrases.Role(definition, step)})"),
            LabelledValue.Fixed("Masuk", WibFormat.DateTime(record.EnteredAt)),
        };
        if (record.ClockStartsAt != record.EnteredAt)
        {
            rows.Add(LabelledValue.Fixed("Waktu dihitung dari", WibFormat.DateTime(record.ClockStartsAt)));
        }

        rows.Add(LabelledValue.Fixed("Batas waktu", WibFormat.DateTime(record.DueAt)));
        foreach (var move in record.Reassignments)
        {
            rows.Add(LabelledValue.Fixed(
                "Dialihkan",
                $"dari {move.From?.Name ?? "(belum ada pelaksana)"} kepada {move.To.Name} oleh {SopPhrases.Who(move.By)} pada {WibFormat.DateTime(move.At)}"));
            if (move.Reason is { } why)
            {
                rows.Add(LabelledValue.Typed("Alasan pengalihan", why, HistoryReasonLimit));
            }
        }

        rows.AddRange(RescheduleRows(record));
        rows.AddRange(KoperasiEditRows(record));
        if (record.FinishedAt is { } finished)
        {
            rows.Add(LabelledValue.Fixed("Selesai", WibFormat.DateTime(finished)));
            rows.Add(LabelledValue.Fixed("Hasil", SopPhrases.Outcome(record, step)));
            rows.Add(LabelledValue.Fixed("Oleh", SopPhrases.Who(record.FinishedBy) ?? SopPhrases.Dash));
            rows.Add(LabelledValue.Fixed("Ketepatan waktu", record.Measurement is { } m ? SopPhrases.Measured(m) : "tidak diukur (dibatalkan)"));
            if (record.Reason is { } reason)
            {
                rows.Add(LabelledValue.Typed("Alasan", reason, HistoryReasonLimit));
            }
        }
        else
        {
            var (timing, _) = Timing(record);
            rows.Add(LabelledValue.Fixed("Hasil", $"Sedang dikerjakan ({timing})"));
        }

        return new HistoryEntry(
            SopPhrases.Step(step) + SopPhrases.Attempt(record.Attempt),
            rows,
            record.Measurement?.OnTime == false || (record.IsOpen && Timing(record).Late),
            record.Outcome is StepOutcome.SentBack or StepOutcome.Cancelled);
    }
}
