namespace PerijinanBot.Sop.Engine;

/// <summary>
/// Says what happened instead when a card is out of date, e.g. "Kartu ini sudah tidak berlaku: langkah 3 telah disetujui oleh
/// Rina Marlina pada Senin, 14 Juli 2025 10.15 WIB." The person then sees the current card.
/// </summary>
internal static class StaleCard
{
    private const string Prefix = "Kartu ini sudah tidak berlaku: ";

    public static bool IsStale(Kegiatan kegiatan, KegiatanCommand command) =>
        command.ExpectedVersion != kegiatan.Version || (command is StepCommand step && step.Step != kegiatan.CurrentStep);

    public static string Describe(Kegiatan kegiatan, KegiatanCommand command)
    {
        if (command is not StepCommand stepCommand)
        {
            return $"Kegiatan {kegiatan.Number} telah berubah sejak kartu ini dibuat (terakhir diperbarui {WibFormat.DateTime(kegiatan.UpdatedAt)}). " +
                "Periksa statusnya, lalu ulangi bila masih perlu.";
        }

        var step = stepCommand.Step;
        var lastFinished = kegiatan.Steps.LastOrDefault(r => r.Step == step && r.FinishedAt is not null && r.FinishedBy is not null);
        var lastMove = step == kegiatan.CurrentStep ? kegiatan.Current?.Reassignments is [.., var move] ? move : null : null;

        var lastChange = step == kegiatan.CurrentStep ? kegiatan.Current?.Reschedules is [.., var change] ? change : null : null;
        if (lastChange is not null && (lastMove is null || lastChange.At >= lastMove.At) && (lastFinished is null || lastChange.At >= lastFinished.FinishedAt))
        {
            return $"{Prefix}jadwal pelaksanaan telah diubah menjadi {WibFormat.DateTime(lastChange.NewJadwal)} oleh {lastChange.By.Describe()} pada {WibFormat.DateTime(lastChange.At)}.";
        }

        if (lastMove is not null && (lastFinished is null || lastMove.At >= lastFinished.FinishedAt))
        {
            return $"{Prefix}langkah {step} telah dialihkan kepada {lastMove.To.Name} oleh {lastMove.By.Describe()} pada {WibFormat.DateTime(lastMove.At)}.";
        }

        if (lastFinished is not null)
        {
            return $"{Prefix}langkah {step} telah {Verb(lastFinished)} oleh {lastFinished.FinishedBy!.Describe()} pada {WibFormat.DateTime(lastFinished.FinishedAt!.Value)}.";
        }

        return $"{Prefix}kegiatan {kegiatan.Number} sekarang berada pada langkah {kegiatan.CurrentStep} (terakhir diperbarui {WibFormat.DateTime(kegiatan.UpdatedAt)}).";
    }

    private static string Verb(StepRecord record) => record.Outcome switch
    {
        StepOutcome.Approved => "disetujui",
        StepOutcome.SentBack => $"tidak disetujui dan dikembalikan ke langkah {record.SentBackTo}",
        StepOutcome.Executed => "dicatat pelaksanaannya",
        StepOutcome.Reported => "dilaporkan",
        StepOutcome.Cancelled => "dibatalkan",
        _ => "diselesaikan",
    };
}
