using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.People;

/// <summary>
/// A stored Plh. or Plt. appointment: the engine's <see cref="Delegation"/> plus who made it and when, and <paramref name="Reason"/>:
/// why it begins before the day it was made (empty when it does not). <paramref name="Basis"/> is the Surat Perintah's nomor
/// and <paramref name="BasisDate"/> its date (null on older rows, whose basis is free text); older rows without a kind are Plh.
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
    string Reason = "",
    StandInKind Kind = StandInKind.Absence,
    DateOnly? BasisDate = null)
{
    public Delegation ToDelegation() => new(HolderId, StandInId, From, To, Basis, Kind, BasisDate);

    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && from <= To;
}

/// <summary>
/// What a person asked for on the <c>plh</c> card, after the dates were read. <paramref name="Reason"/>: required when
/// <paramref name="From"/> is before today. <paramref name="Kind"/> and <paramref name="BasisDate"/> (the Surat Perintah's
/// date) are required; null when the card did not say.
/// </summary>
public sealed record NewDelegation(
    string HolderId, string StandInId, DateOnly From, DateOnly To, string Basis, string? Reason = null, StandInKind? Kind = StandInKind.Absence, DateOnly? BasisDate = null);

/// <summary>Stored (or ended), or refused with a reason the person reads (Indonesian). Refusals are values, not exceptions.</summary>
/// <param name="IsNew">This call stored it (false when a redelivered click found it already stored): only then is anyone told.</param>
public sealed record DelegationResult(DelegationRecord? Record, string? Error, bool IsNew = false)
{
    public bool IsOk => Error is null && Record is not null;

    public static DelegationResult Ok(DelegationRecord record, bool isNew = false) => new(record, null, isNew);

    public static DelegationResult Refused(string error) => new(null, error);
}
