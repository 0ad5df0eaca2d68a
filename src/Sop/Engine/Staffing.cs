using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Engine;

/// <summary>
/// A Plh. or Plt. (<paramref name="Kind"/>): <paramref name="StandInId"/> may act for <paramref name="HolderId"/> from
/// <paramref name="From"/> to <paramref name="To"/> inclusive (dates in WIB), on the basis of a Surat Perintah: its nomor
/// <paramref name="Basis"/> and its date <paramref name="BasisDate"/> (null on appointments stored before the date was asked
/// for, whose <paramref name="Basis"/> is free text).
/// </summary>
public sealed record Delegation(
    string HolderId, string StandInId, DateOnly From, DateOnly To, string Basis, StandInKind Kind = StandInKind.Absence, DateOnly? BasisDate = null)
{
    /// <summary>"Surat Perintah Nomor … tanggal …", or the free text of an older appointment.</summary>
    public string BasisText => StandInRules.Basis(Basis, BasisDate);

    public bool IsActiveOn(DateOnly date) => From <= date && date <= To;
}

/// <summary>Who is who right now: the directory and the delegations, handed to the engine with each command.</summary>
public sealed record Staffing(PeopleDirectory People, IReadOnlyList<Delegation> Delegations)
{
    public static Staffing Of(PeopleDirectory people, params IReadOnlyList<Delegation> delegations) => new(people, delegations);
}
