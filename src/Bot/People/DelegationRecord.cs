using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.People;

/// <summary>
/// A stored Plh. appointment: the engine's <see cref="Delegation"/> plus who made it and when, and <paramref name="Reason"/>: why
/// it begins before the day it was made (empty when it does not).
/// </summary>
public sealed record DelegationRecord(
    string Id,
    string HolderId,
    string StandInId,
    DateOnly From,
    DateOnly To,
    string Basis,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string Reason = "")
{
    public Delegation ToDelegation() => new(HolderId, StandInId, From, To, Basis);

    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && from <= To;
}

/// <summary>What a person asked for on the <c>plh</c> card, after the dates were read. <paramref name="Reason"/>: required when <paramref name="From"/> is before today.</summary>
public sealed record NewDelegation(string HolderId, string StandInId, DateOnly From, DateOnly To, string Basis, string? Reason = null);

/// <summary>Stored (or ended), or refused with a reason the person reads (Indonesian). Refusals are values, not exceptions.</summary>
/// <param name="IsNew">This call stored it (false when a redelivered click found it already stored): only then is anyone told.</param>
public sealed record DelegationResult(DelegationRecord? Record, string? Error, bool IsNew = false)
{
    public bool IsOk => Error is null && Record is not null;

    public static DelegationResult Ok(DelegationRecord record, bool isNew = false) => new(record, null, isNew);

    public static DelegationResult Refused(string error) => new(null, error);
}
