using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Roles;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Tests.Graph.Directory;

/// <summary>
/// Role groups as Graph serves them to the bot: <c>/groups/{id}/transitiveMembers/microsoft.graph.user</c> pages of
/// <c>#microsoft.graph.user</c> objects, an absolute <c>@odata.nextLink</c> back to the stand-in while more remain, and
/// (when asked) one 429 with Retry-After on a page. Also the people of the Development directory as Entra users.
/// </summary>
internal static class RoleGroups
{
    public const string Select = "id,displayName,userPrincipalName,jobTitle,employeeId,accountEnabled";
    public const string Top = "999";

    // Somebody only Entra knows: in the Anggota group through a nested group.
    public const string AndiId = "5b8d2c1e-7f4a-4e3b-9c6d-1a2b3c4d5e6f";
    public const string YusufId = "8e7d6c5b-4a39-4281-b7c6-d5e4f3a2b1c0";

    public static JsonObject Rina => User(DialogHarnessIds.Rina, "Rina Marlina", "rina.marlina@diskopukm.example", "Ketua Tim Kerja Perijinan", "197805122005012003");
    public static JsonObject Budi => User(DialogHarnessIds.Budi, "Budi Santoso", "budi.santoso@diskopukm.example", "Anggota Tim Kerja Perijinan", "198603142010011004");
    public static JsonObject Hendra => User(DialogHarnessIds.Hendra, "Hendra Gunawan", "hendra.gunawan@diskopukm.example", "Kepala Bidang Perijinan dan Kelembagaan", "197201081998031005");

    // Entra has a newer job title and no NIP for Dewi: the Directory section's Jabatan and NIP must win.
    public static JsonObject Dewi => User(DialogHarnessIds.Dewi, "Dewi Lestari", "dewi.lestari@diskopukm.example", "Ketua Tim Kerja Perijinan", "PNS-0042");
    public static JsonObject Andi => User(AndiId, "Andi Wijaya", "andi.wijaya@diskopukm.example", "Analis Perizinan", "1990 0101 2015 0110 01");
    public static JsonObject YusufDisabled => User(YusufId, "Yusuf Hidayat", "yusuf.hidayat@diskopukm.example", "Anggota Tim Kerja Perijinan", null, enabled: false);

    public static string NewGroup() => Guid.NewGuid().ToString();

    public static string PathOf(string groupId) => $"/groups/{groupId}/transitiveMembers/microsoft.graph.user";

    /// <summary>The opaque skip token of page <paramref name="page"/> (Graph's are base64 too).</summary>
    public static string SkipToken(int page) => Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"RFNwdAIAAQ-page-{page}")));

    public static JsonObject User(string id, string name, string upn, string? jobTitle, string? employeeId, bool enabled = true) => new()
    {
        ["@odata.type"] = "#microsoft.graph.user",
        ["id"] = id,
        ["displayName"] = name,
        ["userPrincipalName"] = upn,
        ["jobTitle"] = jobTitle,
        ["employeeId"] = employeeId,
        ["accountEnabled"] = enabled,
    };

    /// <summary>
    /// From now on the group has these members, served <paramref name="pageSize"/> per page; the first request for page
    /// <paramref name="throttledPage"/> (if any) is answered 429 with Retry-After: 1.
    /// </summary>
    public static void Serve(FakeGraph graph, string groupId, IReadOnlyList<JsonObject> users, int pageSize = 999, int? throttledPage = null)
    {
        var throttled = 0;
        graph.On("GET", Regex.Escape(PathOf(groupId)), request =>
        {
            var page = 0;
            if (request.Param("$skiptoken") is { } token)
            {
                page = Enumerable.Range(1, 100).First(p => SkipToken(p) == token);
            }

            if (page == throttledPage && Interlocked.Exchange(ref throttled, 1) == 0)
            {
                return GraphReply.Error(429, "TooManyRequests", "Too many requests.", TimeSpan.FromSeconds(1));
            }

            var members = users.Skip(page * pageSize).Take(pageSize).Select(u => (JsonNode)u.DeepClone()).ToArray();
            var body = new JsonObject
            {
                ["@odata.context"] = $"{graph.BaseUrl.AbsoluteUri.TrimEnd('/')}/$metadata#users({Select})",
                ["value"] = new JsonArray(members),
            };
            if ((page + 1) * pageSize < users.Count)
            {
                body["@odata.nextLink"] = $"{graph.BaseUrl.AbsoluteUri.TrimEnd('/')}{PathOf(groupId)}?$select={Select}&$top={Top}&$skiptoken={Uri.EscapeDataString(SkipToken(page + 1))}";
            }

            return GraphReply.Json(body);
        });
    }

    /// <summary>The bot's settings: the stand-in's credentials and these role groups.</summary>
    public static Dictionary<string, string?> Settings(FakeGraph graph, params (Role Role, string GroupId)[] groups)
    {
        var settings = graph.Settings();
        foreach (var (role, groupId) in groups)
        {
            settings[$"Graph:RoleGroups:{role}"] = groupId;
        }

        return settings;
    }

    /// <summary>Waits until the bot's sync status satisfies <paramref name="until"/> (a background sync has finished, or failed).</summary>
    public static async Task<RoleSyncStatus> StatusAsync(BotFactory bot, Func<RoleSyncStatus, bool> until, string what)
    {
        var sync = bot.Services.GetRequiredService<RoleDirectorySync>();
        var deadline = DateTimeOffset.UtcNow + DialogHarness.Patience;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (until(sync.Status))
            {
                return sync.Status;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"{what}: the role sync status is still {sync.Status}");
    }

    public static PeopleDirectory PeopleOf(BotFactory bot) => bot.Services.GetRequiredService<PeopleDirectory>();

    /// <summary>Names of the holders of a role, in directory order.</summary>
    public static IReadOnlyList<string> Holders(BotFactory bot, Role role) => [.. PeopleOf(bot).HoldersOf(role).Select(p => p.Name)];

    /// <summary>The query as "k=v" pairs in key order, for comparing a whole query at once.</summary>
    public static string Query(GraphRequest request) =>
        string.Join("&", request.Query.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => $"{q.Key}={q.Value}"));

    /// <summary>The facts of the card's first FactSet, title → value.</summary>
    public static IReadOnlyList<(string? Title, string? Value)> Facts(JsonObject card) =>
        [.. DialogCards.Find(card, n => (string?)n["type"] == "FactSet").First()["facts"]!.AsArray().Select(f => ((string?)f!["title"], (string?)f["value"]))];

    public static bool IsSyncCard(JsonObject card) => DialogCards.Title(card) == RolesCard.SyncTitle;

    public static bool IsLeftRoleNotice(JsonObject card) => DialogCards.Title(card) == RolesCard.LeftRoleTitle;

    public static bool IsRolesCard(JsonObject card) => DialogCards.Title(card) == "Pemegang peran";
}

/// <summary>The Development directory's object ids (appsettings.Development.json).</summary>
internal static class DialogHarnessIds
{
    public const string Rina = "00000000-0000-4000-8000-000000000001";
    public const string Budi = "00000000-0000-4000-8000-000000000002";
    public const string Hendra = "00000000-0000-4000-8000-000000000003";
    public const string Siti = "00000000-0000-4000-8000-000000000004";
    public const string Dewi = "00000000-0000-4000-8000-000000000005";
    public const string Agus = "00000000-0000-4000-8000-000000000006";
}
