namespace PerijinanBot.Sop.People;

/// <summary>A member of the Bidang as the bot knows them. <paramref name="AadObjectId"/> is the Entra object id, the key Teams sends with every activity.</summary>
public sealed record Person(string AadObjectId, string Name, string Upn, IReadOnlySet<Role> Roles)
{
    public bool Holds(Role role) => Roles.Contains(role);
}
