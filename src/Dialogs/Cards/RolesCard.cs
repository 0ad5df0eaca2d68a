using System.Text.Json.Nodes;

namespace PerijinanBot.Dialogs.Cards;

/// <param name="Role">The role's Indonesian name.</param>
/// <param name="Holders">Names of the people who hold it; empty when nobody does.</param>
public sealed record RoleHolders(string Role, IReadOnlyList<string> Holders);

public static class RolesCard
{
    public static JsonObject Build(IReadOnlyList<RoleHolders> roles)
    {
        var body = new List<JsonNode>
        {
            Ac.Text("Pemegang peran", TextStyle.Title),
            Ac.Text("Bidang Perijinan dan Kelembagaan, Dinas Koperasi UKM Provinsi Kalimantan Barat", TextStyle.Subtle),
            Ac.Facts(roles.Select(r => (r.Role, r.Holders.Count == 0 ? "— belum ada —" : string.Join(", ", r.Holders)))),
        };
        var vacant = roles.Where(r => r.Holders.Count == 0).Select(r => r.Role).ToList();
        if (vacant.Count > 0)
        {
            body.Add(Ac.Text($"Peran tanpa pemegang: {string.Join(", ", vacant)}. Langkah SOP untuk peran ini akan tertahan; hubungi Admin.", TextStyle.Warning));
        }

        return Ac.Card(body);
    }
}
