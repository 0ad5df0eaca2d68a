using PerijinanBot.Sop.Definitions;

namespace PerijinanBot.Sop.Engine;

/// <summary>One row of the table: from a step, a trigger leads to another step, or (<see cref="To"/> null) closes the kegiatan.</summary>
public sealed record Transition(int From, SopTrigger Trigger, int? To);

/// <summary>
/// The SOP's flow as a declarative table, in the manner of stateless: each step kind permits some triggers, and each trigger
/// follows one of the step's routes. The table is derived from the definition data; the engine only asks it
/// "which triggers does this step permit" and "where does this one lead".
/// </summary>
public sealed class TransitionTable
{
    private enum Route
    {
        Next,
        SendBack,
    }

    /// <summary>What each kind of step permits. A start step revisited after a send-back is submitted again like a form.</summary>
    private static readonly Dictionary<StepKind, (SopTrigger Trigger, Route Route)[]> _permits = new()
    {
        [StepKind.Start] = [(SopTrigger.SubmitData, Route.Next)],
        [StepKind.Form] = [(SopTrigger.SubmitData, Route.Next)],
        [StepKind.Decision] = [(SopTrigger.Approve, Route.Next), (SopTrigger.Reject, Route.SendBack)],
        [StepKind.Execution] = [(SopTrigger.RecordExecution, Route.Next)],
        [StepKind.Report] = [(SopTrigger.SubmitReport, Route.Next)],
    };

    private readonly Dictionary<int, Transition[]> _byStep;

    private TransitionTable(SopDefinition definition)
    {
        Definition = definition;
        _byStep = definition.Steps.ToDictionary(
            step => step.Number,
            step => _permits[step.Kind]
                .Select(p => new Transition(step.Number, p.Trigger, p.Route == Route.Next ? step.Next : step.SendBackTo))
                .ToArray());
    }

    public SopDefinition Definition { get; }

    /// <summary>Every transition, in step order.</summary>
    public IEnumerable<Transition> Transitions => Definition.Steps.SelectMany(s => _byStep[s.Number]);

    public static TransitionTable For(SopDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new TransitionTable(definition);
    }

    /// <summary>The step triggers a step permits (what its card offers, before asking who may press them).</summary>
    public IReadOnlyList<SopTrigger> PermittedTriggers(int step) =>
        _byStep.TryGetValue(step, out var transitions) ? [.. transitions.Select(t => t.Trigger)] : [];

    public Transition? Find(int step, SopTrigger trigger) =>
        _byStep.TryGetValue(step, out var transitions) ? Array.Find(transitions, t => t.Trigger == trigger) : null;

    /// <summary>The flow as a Mermaid <c>flowchart TD</c>: a node per step (decisions as diamonds) with role and waktu, Setuju/Tidak edges.</summary>
    public string ToMermaid() => MermaidExport.Render(this);
}
