using Microsoft.Extensions.Options;
using PerijinanBot.Protocol.Auth;

namespace PerijinanBot.Protocol.Tests.Auth;

/// <summary>Outside Development only Teams activities of the bot's own tenant(s) go on; Development lets everything through.</summary>
public sealed class TenantWallTests
{
    private const string Tenant = "3c1b5d7e-2a4f-4e6b-8d0c-9a8b7c6d5e4f";
    private const string Partner = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";
    private const string Stranger = "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716";

    private static TenantWall Wall(string environment = TestEnvironment.Production, string? tenantId = Tenant, params string[] allowed) => new(
        Options.Create(new BotOptions { MicrosoftAppId = AuthHarness.AppId, MicrosoftAppTenantId = tenantId }),
        Options.Create(new BotAuthenticationOptions { AllowedTenants = [.. allowed] }),
        new TestEnvironment(environment));

    private static Activity Teams(string? channelDataTenant = Tenant, string? conversationTenant = Tenant, string channelId = "msteams") => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = channelId,
        Conversation = new ConversationAccount { Id = "a:1", TenantId = conversationTenant },
        ChannelData = channelDataTenant is null ? null : new TeamsChannelData { Tenant = new TenantInfo(channelDataTenant) },
    };

    [Fact]
    public void A_Teams_activity_of_the_apps_tenant_goes_on()
    {
        Assert.Null(Wall().Refuse(Teams()));
    }

    [Theory]
    [InlineData(Tenant, null)]
    [InlineData(null, Tenant)]
    public void The_tenant_may_be_named_in_channelData_or_in_the_conversation(string? channelData, string? conversation)
    {
        Assert.Null(Wall().Refuse(Teams(channelData, conversation)));
    }

    [Fact]
    public void The_tenant_is_compared_without_regard_to_case()
    {
        Assert.Null(Wall().Refuse(Teams(Tenant.ToUpperInvariant(), Tenant.ToUpperInvariant())));
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    [InlineData("MSTEAMS")]
    [InlineData("")]
    public void An_activity_of_another_channel_is_dropped(string channelId)
    {
        Assert.Contains("is not msteams", Wall().Refuse(Teams(channelId: channelId)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_activity_of_another_tenant_is_dropped()
    {
        Assert.Contains($"tenant '{Stranger}'", Wall().Refuse(Teams(Stranger, Stranger)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Tenant, Stranger)]
    [InlineData(Stranger, Tenant)]
    public void An_activity_naming_a_second_tenant_anywhere_is_dropped(string channelData, string conversation)
    {
        Assert.Contains($"tenant '{Stranger}'", Wall().Refuse(Teams(channelData, conversation)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_activity_naming_no_tenant_is_dropped()
    {
        Assert.Equal("the activity names no tenant", Wall().Refuse(Teams(null, null)));
    }

    [Fact]
    public void A_multi_tenant_bot_takes_the_tenants_on_its_allow_list()
    {
        var wall = Wall(tenantId: null, allowed: [Tenant, Partner]);

        Assert.Null(wall.Refuse(Teams(Partner, Partner)));
        Assert.Null(wall.Refuse(Teams()));
        Assert.NotNull(wall.Refuse(Teams(Stranger, Stranger)));
    }

    [Fact]
    public void In_Development_every_channel_and_tenant_goes_on()
    {
        var wall = Wall(TestEnvironment.Development);

        Assert.Null(wall.Refuse(Teams(Stranger, Stranger, channelId: "webchat")));
        Assert.Null(wall.Refuse(Teams(null, null)));
    }
}
