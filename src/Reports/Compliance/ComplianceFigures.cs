using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Reports.Compliance;

/// <summary>
/// How well the SOP's time standards were kept in one <see cref="Period"/>. See <see cref="ComplianceReport"/> for the exact
/// definition of every figure.
/// </summary>
/// <param name="OpenNow">Kegiatan still open at <see cref="ComputedAt"/>, whatever the period.</param>
/// <param name="LateNow">Of those, the ones whose current step was due before <see cref="ComputedAt"/>.</param>
/// <param name="Rows">One row per finished step visit in the period, by kegiatan number, then finish time.</param>
/// <param name="Monitoring">One item per step of the definition, for the SOP monitoring form.</param>
public sealed record ComplianceFigures(
    CompliancePeriod Period,
    DateTimeOffset ComputedAt,
    IReadOnlyList<StepFigures> Steps,
    IReadOnlyList<RoleFigures> Roles,
    int OpenNow,
    int LateNow,
    IReadOnlyList<KegiatanStepRow> Rows,
    IReadOnlyList<MonitoringItem> Monitoring);

/// <summary>A step's time standard: the SOP's words (<c>2 hari kerja</c>) and the working time they stand for.</summary>
/// <param name="WorkingTime">Minutes and hours as written; working days times the calendar's average working day.</param>
public sealed record StepStandard(string Text, TimeSpan WorkingTime);

/// <summary>The aggregates of one step. Durations are working time; median, P90 and share are null when there were no visits.</summary>
public sealed record StepFigures(
    int Step,
    string Title,
    Role Role,
    StepStandard Standard,
    int KegiatanCount,
    int Visits,
    TimeSpan? MedianActual,
    TimeSpan? P90Actual,
    int OnTimeCount,
    double? OnTimeShare,
    int Rework);

/// <summary>The same aggregates as <see cref="StepFigures"/>, over the visits of every step the role carries out.</summary>
public sealed record RoleFigures(
    Role Role,
    int KegiatanCount,
    int Visits,
    TimeSpan? MedianActual,
    TimeSpan? P90Actual,
    int OnTimeCount,
    double? OnTimeShare,
    int Rework);

/// <summary>One finished step visit: who held it, who finished it, and how it measured against its standard.</summary>
/// <param name="Koperasi">The start form's <c>koperasi</c> field; empty when absent.</param>
/// <param name="Jenis">The start form's <c>jenisFasilitasi</c> code (IUSP, IKC, IKCP, IKK); empty when absent.</param>
/// <param name="Assignee">The assignee's name; null while the step was vacant.</param>
/// <param name="FinishedBy"><see cref="Actor.Describe"/> of whoever finished it, naming a Plh. and their basis.</param>
/// <param name="Reason">The written reason of a Tidak; null otherwise.</param>
public sealed record KegiatanStepRow(
    string Number,
    string Koperasi,
    string Jenis,
    int Step,
    int Attempt,
    Role Role,
    string? Assignee,
    string FinishedBy,
    DateTimeOffset EnteredAt,
    DateTimeOffset FinishedAt,
    StepOutcome Outcome,
    TimeSpan StandardWorkingTime,
    TimeSpan ActualWorkingTime,
    bool OnTime,
    string? Reason);

/// <summary>One line of the SOP monitoring form, prefilled from the figures.</summary>
/// <param name="DilaksanakanDenganBaik">
/// True when at least <see cref="ComplianceReport.GoodOnTimeShare"/> of the step's visits were on time; null when it had none.
/// </param>
/// <param name="Evidence">The figures behind the verdict, in one Indonesian sentence.</param>
public sealed record MonitoringItem(int Step, string Title, bool? DilaksanakanDenganBaik, string Evidence);
