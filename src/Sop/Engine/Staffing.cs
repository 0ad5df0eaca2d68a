using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Engine;

/// <summary>
/// A Plh. (pelaksana harian): <paramref name="StandInId"/> may act for <paramref name="HolderId"/> from <paramref name="From"/> to
/// <paramref name="To"/> inclusive (dates in WIB), on the legal basis <paramref name="Basis"/> (nomor surat tugas).
/// </summary>
public sealed record Delegation(string HolderId, string StandInId, DateOnly From, DateOnly To, string Basis)
{
    public bool IsActiveOn(DateOnly date) => From <= date && date <= To;
}

/// <summary>Who is who right now: the directory and the delegations, handed to the engine with each command.</summary>
public sealed record Staffing(PeopleDirectory People, IReadOnlyList<Delegation> Delegations)
{
    public static Staffing Of(PeopleDirectory people, params IReadOnlyList<Delegation> delegations) => new(people, delegations);
}
