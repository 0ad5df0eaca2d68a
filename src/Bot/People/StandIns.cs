using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.People;

/// <summary>
/// Who stands in (Plh.) for a person on a WIB day. While a delegation is in force the stand-in receives the holder's step
/// cards and reminders as well as the holder, and may act on them (the engine decides that, per day).
/// </summary>
public static class StandIns
{
    /// <summary>The registered stand-ins of <paramref name="holderId"/> on <paramref name="today"/>, each once, in delegation order.</summary>
    public static IReadOnlyList<(PersonRef StandIn, Delegation Delegation)> Of(Staffing staffing, string holderId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(staffing);
        var found = new List<(PersonRef StandIn, Delegation Delegation)>();
        foreach (var delegation in staffing.Delegations)
        {
            if (!Same(delegation.HolderId, holderId) || Same(delegation.StandInId, holderId) || !delegation.IsActiveOn(today)
                || staffing.People.Find(delegation.StandInId) is not { } person
                || found.Exists(f => Same(f.StandIn.Id, person.AadObjectId)))
            {
                continue;
            }

            found.Add((new PersonRef(person.AadObjectId, person.Name), delegation));
        }

        return found;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
