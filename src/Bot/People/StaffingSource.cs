using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.People;

/// <summary>Who is who now: the directory and the Plh. appointments in force, from memory (no storage read).</summary>
public sealed class StaffingSource(PeopleDirectory people, DelegationCache delegations)
{
    public Staffing Now => Staffing.Of(people, delegations.Current);
}
