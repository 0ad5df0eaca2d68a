using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Engine;

/// <summary>Decides as whom a person acts: as themselves, or as Plh. of someone who may act, on that day.</summary>
internal static class Authority
{
    /// <summary>
    /// The acting identity of <paramref name="personId"/> for something <paramref name="mayAct"/> allows, or null. A person who may
    /// act themselves never acts as Plh.; otherwise the first delegation active on <paramref name="today"/> whose holder may act
    /// through their SOP roles alone. Admin is the power to run the bot, not an office a Surat Perintah hands over: an official who
    /// is also Admin lends their Plh. only the SOP role.
    /// </summary>
    public static Actor? Resolve(Staffing staffing, string personId, DateOnly today, Func<Person, bool> mayAct)
    {
        var person = staffing.People.Find(personId);
        if (person is null)
        {
            return null;
        }

        if (mayAct(person))
        {
            return new Actor(person.AadObjectId, person.Name);
        }

        foreach (var delegation in staffing.Delegations)
        {
            if (!string.Equals(delegation.StandInId, person.AadObjectId, StringComparison.OrdinalIgnoreCase) || !delegation.IsActiveOn(today))
            {
                continue;
            }

            if (staffing.People.Find(delegation.HolderId) is { } holder && mayAct(AsOfficial(holder)))
            {
                return new Actor(person.AadObjectId, person.Name, new PersonRef(holder.AadObjectId, holder.Name), delegation.Basis)
                {
                    StandInKind = delegation.Kind,
                    OfficialPosition = StandInRules.PositionOf(holder),
                    BasisDate = delegation.BasisDate,
                };
            }
        }

        return null;
    }

    /// <summary>The holder as a Plh. may stand in for them: without Admin.</summary>
    private static Person AsOfficial(Person holder) =>
        holder.Holds(Role.Admin) ? holder with { Roles = holder.Roles.Where(r => r != Role.Admin).ToHashSet() } : holder;

    /// <summary>The step's assignee (a Plh. qualifies through the assignee).</summary>
    public static Func<Person, bool> IsAssignee(StepRecord current) =>
        person => current.Assignee?.Is(person.AadObjectId) == true;

    /// <summary>An Admin, or a holder of the role above the step's role.</summary>
    public static Func<Person, bool> MayReassign(SopDefinition definition, StepDefinition step)
    {
        var superior = definition.RoleOf(step.Role).Superior;
        return person => person.Holds(Role.Admin) || (superior is { } role && person.Holds(role));
    }

    /// <summary>Anyone matching one of the definition's <c>cancelBy</c> rules for this kegiatan.</summary>
    public static Func<Person, bool> MayCancel(SopDefinition definition, Kegiatan kegiatan) =>
        person => definition.CancelBy.Any(rule => person.Holds(rule.Role) && rule.Rule switch
        {
            AssignmentRule.Starter => kegiatan.Starter.Is(person.AadObjectId),
            AssignmentRule.AssignedAtStart => kegiatan.AssignedAtStart.GetValueOrDefault(rule.Field ?? "")?.Is(person.AadObjectId) == true,
            _ => true,
        });
}
