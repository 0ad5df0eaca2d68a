using PerijinanBot.Bot.Decisions;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Dokumentasi;

/// <summary>Who may change a kegiatan's dokumentasi: whoever may submit its report step now (the Anggota holding step 7, or their Plh.).</summary>
internal sealed class ReportHolders(KegiatanService kegiatan, TaskIndex tasks)
{
    /// <summary>The report step of a definition (step 7 of the fasilitasi SOP).</summary>
    public static StepDefinition? ReportStep(SopDefinition definition) => definition.Steps.LastOrDefault(s => s.Kind == StepKind.Report);

    public bool Holds(Kegiatan state, string personId) =>
        kegiatan.DefinitionOf(state) is { } definition
        && state.Current?.Step is int step && ReportStep(definition)?.Number == step
        && kegiatan.May(state, personId, SopTrigger.SubmitReport);

    /// <summary>The kegiatan whose report step the person holds now; the task index points, the kegiatan itself decides.</summary>
    public async Task<IReadOnlyList<Kegiatan>> HeldByAsync(string personId, CancellationToken cancellationToken)
    {
        var held = new List<Kegiatan>();
        foreach (var task in await tasks.ForAsync(personId, cancellationToken))
        {
            if (await kegiatan.FindAsync(task.Number, cancellationToken) is { } state && Holds(state, personId))
            {
                held.Add(state);
            }
        }

        return held;
    }

    /// <summary>The kegiatan by number, if the person holds its report step now.</summary>
    public async Task<Kegiatan?> HeldAsync(string number, string personId, CancellationToken cancellationToken) =>
        await kegiatan.FindAsync(number, cancellationToken) is { } state && Holds(state, personId) ? state : null;
}
