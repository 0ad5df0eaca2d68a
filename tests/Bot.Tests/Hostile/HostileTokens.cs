using System.Text;
using System.Text.Json.Nodes;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Protocol.Tests.Auth;

namespace PerijinanBot.Bot.Tests.Hostile;

/// <summary>
/// Forged and broken tokens for the Production host: every accepted shape (channel, Entra v1 and v2 of the bot's tenant and
/// of the Bot Service tenants) with one thing off in turn, and headers that are no token at all. All are 401 before the
/// body is read. The controls are the same valid tokens on an activity the bot lets go (typing), and valid tokens on
/// activities of another channel or tenant, which the wall drops: 200 and nothing stored.
/// </summary>
internal static class HostileTokens
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/teams/";
    public const string OtherTenant = "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716";
    public const string BotFrameworkTenant = LocalOpenIdServer.EmulatorTenantId;

    public static IEnumerable<HostileCase> All(LocalOpenIdServer openId, string appId, string tenant)
    {
        var now = DateTimeOffset.UtcNow;
        var channelKey = openId.Channel.PublishNew("msteams");
        var webchatOnly = openId.Channel.PublishNew("webchat");
        var noEndorsement = openId.Channel.PublishNewWithoutEndorsements();
        var unpublished = TestSigningKey.Create("msteams");
        var ownKey = openId.Tenant(tenant).PublishNewWithoutEndorsements();
        var otherKey = openId.Tenant(OtherTenant).PublishNewWithoutEndorsements();
        var botFrameworkKey = openId.Tenant(BotFrameworkTenant).PublishNewWithoutEndorsements();
        var channel = TestTokens.Channel(appId, ServiceUrl, now);

        const string headers = "not a token";
        foreach (var header in new[] { "", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer not-a-jwt", "Bearer a.b", "Bearer a.b.c", "Bearer ....", "Bearer " + new string('x', 20_000), "bearer" + channel.SignedBy(channelKey), "Bearer\t" + Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"alg\":\"none\"}")) })
        {
            yield return Case(headers, header.Length > 40 ? header[..40] + "…" : $"'{header}'", header.Length == 0 ? null : header, Answer.Refused);
        }

        const string forgedChannel = "channel token, one thing off";
        var channelCases = new (string, string)[]
        {
            ("alg none", channel.Unsigned(channelKey.KeyId)),
            ("HS256 under a published RSA kid", channel.SignedWithHs256(channelKey.KeyId)),
            ("signed by an unpublished key", channel.SignedBy(unpublished)),
            ("key endorsed for webchat only", channel.SignedBy(webchatOnly)),
            ("key without endorsements", channel.SignedBy(noEndorsement)),
            ("key of the bot's tenant", channel.SignedBy(ownKey)),
            ("issuer of another service", (channel with { Issuer = "https://api.botframework.evil" }).SignedBy(channelKey)),
            ("issuer empty", (channel with { Issuer = "" }).SignedBy(channelKey)),
            ("audience another app", (channel with { Audience = Guid.NewGuid().ToString() }).SignedBy(channelKey)),
            ("audience the Bot Framework", (channel with { Audience = "https://api.botframework.com" }).SignedBy(channelKey)),
            ("audience missing", (channel with { Audience = null }).SignedBy(channelKey)),
            ("expired", (channel with { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-10) }).SignedBy(channelKey)),
            ("not yet valid", (channel with { NotBefore = now.AddMinutes(30), Expires = now.AddHours(2) }).SignedBy(channelKey)),
            ("no expiry", (channel with { Expires = null }).SignedBy(channelKey)),
            ("serviceurl claim missing", (channel with { ServiceUrl = null }).SignedBy(channelKey)),
            ("serviceurl claim another host", (channel with { ServiceUrl = "https://evil.example/teams/" }).SignedBy(channelKey)),
            ("PS256, an algorithm not taken", channel.SignedBy(channelKey, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSsaPssSha256)),
            ("the published kid, another private key", channel.SignedBy(channelKey.Impostor())),
        };
        foreach (var (name, token) in channelCases)
        {
            yield return Case(forgedChannel, name, TestTokens.Bearer(token), Answer.Refused);
        }

        foreach (var (shape, spec, key) in new (string, TokenSpec, TestSigningKey)[]
        {
            ("own tenant v1", AppOnly(TestTokens.EmulatorV1(appId, now, tenant)), ownKey),
            ("own tenant v2", AppOnly(TestTokens.EmulatorV2(appId, now, tenant)), ownKey),
            ("Bot Framework tenant v1", AppOnly(TestTokens.EmulatorV1(appId, now, BotFrameworkTenant)), botFrameworkKey),
            ("Bot Framework tenant v2", AppOnly(TestTokens.EmulatorV2(appId, now, BotFrameworkTenant)), botFrameworkKey),
        })
        {
            var category = $"Entra {shape}, one thing off";
            var cases = new (string, string)[]
            {
                ("tid of another tenant", (spec with { TenantId = OtherTenant }).SignedBy(key)),
                ("delegated: scp", (spec with { Scope = "access_as_user" }).SignedBy(key)),
                ("idtyp user", (spec with { IdType = "user" }).SignedBy(key)),
                ("audience another app", (spec with { Audience = Guid.NewGuid().ToString() }).SignedBy(key)),
                ("signed by the channel key", spec.SignedBy(channelKey)),
                ("signed by another tenant's key", spec.SignedBy(otherKey)),
                ("issuer of another tenant", (spec with { Issuer = spec.Issuer.Replace(spec.TenantId!, OtherTenant, StringComparison.Ordinal), TenantId = OtherTenant }).SignedBy(otherKey)),
                ("expired", (spec with { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-10) }).SignedBy(key)),
                ("alg none", spec.Unsigned(key.KeyId)),
                ("serviceurl claim of another host", (spec with { ServiceUrl = "https://evil.example/" }).SignedBy(key)),
            };
            foreach (var (name, token) in cases)
            {
                yield return Case(category, name, TestTokens.Bearer(token), Answer.Refused);
            }
        }

        // Controls: the accepted shapes, unchanged, pass the door; what they carry is then let go or walled off.
        const string controls = "valid token";
        foreach (var (shape, token) in new (string, string)[]
        {
            ("channel", channel.SignedBy(channelKey)),
            ("own tenant v2", AppOnly(TestTokens.EmulatorV2(appId, now, tenant)).SignedBy(ownKey)),
        })
        {
            yield return Case(controls, $"{shape}: typing", TestTokens.Bearer(token), Answer.Dropped, activity => activity["type"] = "typing");
            // A channel token's key is endorsed for msteams only: for webchat it is refused at the door; an Entra token is walled.
            yield return Case(controls, $"{shape}: channel webchat", TestTokens.Bearer(token), Answer.Dropped | Answer.Refused, activity => activity["channelId"] = "webchat");
            yield return Case(controls, $"{shape}: another tenant", TestTokens.Bearer(token), Answer.Dropped, activity =>
            {
                activity["conversation"]!["tenantId"] = OtherTenant;
                activity["channelData"]!["tenant"]!["id"] = OtherTenant;
            });
            yield return Case(controls, $"{shape}: tenant only in conversation", TestTokens.Bearer(token), Answer.Dropped, activity => activity["conversation"]!["tenantId"] = OtherTenant);
            yield return Case(controls, $"{shape}: no tenant", TestTokens.Bearer(token), Answer.Dropped, activity =>
            {
                activity["conversation"]!.AsObject().Remove("tenantId");
                activity.Remove("channelData");
            });
        }
    }

    private static TokenSpec AppOnly(TokenSpec spec) => spec with { IdType = "app" };

    private static HostileCase Case(string category, string name, string? authorization, Answer expect, Action<JsonObject>? change = null)
    {
        var activity = ActivityFactory.Message(ServiceUrl, "bantuan", "a:personal-hostile-token");
        change?.Invoke(activity);
        return new HostileCase(category, name, Encoding.UTF8.GetBytes(activity.ToJsonString()), expect, Authorization: authorization);
    }
}
