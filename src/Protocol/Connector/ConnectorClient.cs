using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Protocol.Connector;

/// <summary>
/// Calls the Bot Connector REST API at a conversation's serviceUrl. Retries what Teams documents as retryable
/// (412, 429, 502, 503, 504), and never re-sends a message whose first attempt may already have been delivered:
/// that surfaces as <see cref="DeliveryOutcomeUnknownException"/>. Definite failures are <see cref="ConnectorException"/>.
/// </summary>
public sealed partial class ConnectorClient
{
    private static readonly int[] _writeSuccess = [200, 201, 202];
    private static readonly int[] _deleteSuccess = [200, 202];
    private static readonly int[] _readSuccess = [200];

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ConnectorTokenProvider _tokens;
    private readonly ConnectorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ConnectorClient> _logger;
    private readonly ServiceHosts _serviceHosts;
    private readonly ConnectorMetrics _metrics;

    public ConnectorClient(
        IHttpClientFactory httpClientFactory,
        ConnectorTokenProvider tokens,
        IOptions<ConnectorOptions> options,
        TimeProvider timeProvider,
        IHostEnvironment environment,
        ConnectorMetrics metrics,
        ILogger<ConnectorClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
        _serviceHosts = new ServiceHosts(_options.AllowedServiceHosts, allowLoopback: environment.IsDevelopment());
    }

    /// <summary>Posts a new message. Not retried once it may have arrived (see <see cref="DeliveryOutcomeUnknownException"/>).</summary>
    public async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var uri = Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities");
        // The connector assigns the id; Bot Builder clears ours before sending too.
        var body = Serialize(Outbound(activity) with { Id = null });
        var response = await CallAsync(ConnectorOperation.SendToConversation, HttpMethod.Post, uri, body, idempotent: false, _writeSuccess, ProtocolJsonContext.Default.ResourceResponse, cancellationToken);
        return response ?? new ResourceResponse(null);
    }

    /// <summary>Posts a message as a reply to <paramref name="replyToId"/>. Not retried once it may have arrived.</summary>
    public async Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken)
    {
        var uri = Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}");
        var body = Serialize(Outbound(activity) with { Id = null, ReplyToId = replyToId });
        var response = await CallAsync(ConnectorOperation.ReplyToActivity, HttpMethod.Post, uri, body, idempotent: false, _writeSuccess, ProtocolJsonContext.Default.ResourceResponse, cancellationToken);
        return response ?? new ResourceResponse(null);
    }

    /// <summary>Replaces a message (e.g. a card after a decision). A PUT of the full activity, so safe to retry.</summary>
    public async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        var uri = Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");
        var body = Serialize(Outbound(activity) with { Id = activityId });
        var response = await CallAsync(ConnectorOperation.UpdateActivity, HttpMethod.Put, uri, body, idempotent: true, _writeSuccess, ProtocolJsonContext.Default.ResourceResponse, cancellationToken);
        return response?.Id is null ? new ResourceResponse(activityId) : response;
    }

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var uri = Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");
        await CallAsync(ConnectorOperation.DeleteActivity, HttpMethod.Delete, uri, body: null, idempotent: true, _deleteSuccess, ProtocolJsonContext.Default.ResourceResponse, cancellationToken);
    }

    /// <summary>
    /// Creates (or finds) a conversation. A 1:1 chat without an initial activity is idempotent in Teams (same member,
    /// same id) and is retried like a read; anything that posts a message is treated like a send.
    /// </summary>
    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var uri = Url(serviceUrl, "v3/conversations");
        var body = JsonSerializer.SerializeToUtf8Bytes(parameters, ProtocolJsonContext.Default.ConversationParameters);
        var idempotent = parameters is { IsGroup: false, Activity: null };
        var response = await CallAsync(ConnectorOperation.CreateConversation, HttpMethod.Post, uri, body, idempotent, _writeSuccess, ProtocolJsonContext.Default.ConversationResourceResponse, cancellationToken);
        return response ?? new ConversationResourceResponse(null, null, null);
    }

    /// <summary>The Teams 1:1 chat between the bot and one user, for a proactive message (the app must be installed for them).</summary>
    public Task<ConversationResourceResponse> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string botId, string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = botId },
            Members = [new ChannelAccount { Id = userId }],
            // Teams reads the tenant from channelData, newer services from the top level: send both.
            TenantId = tenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo(tenantId) },
        };
        return CreateConversationAsync(serviceUrl, parameters, cancellationToken);
    }

    /// <summary>One member of a conversation, by Teams user id (<c>29:...</c>).</summary>
    public async Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken)
    {
        var uri = Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}");
        return await CallAsync(ConnectorOperation.GetMember, HttpMethod.Get, uri, body: null, idempotent: true, _readSuccess, ProtocolJsonContext.Default.TeamsChannelAccount, cancellationToken)
            ?? throw new ConnectorException(ConnectorOperation.GetMember, 1, new ConnectorFault(System.Net.HttpStatusCode.OK, null, null, null, "no member in the response body"));
    }

    /// <summary>Joins a serviceUrl (with or without the trailing slash; the Playground's has none) and a relative path.</summary>
    internal static Uri Url(string serviceUrl, string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        if (!TryServiceUrl(serviceUrl, out var root))
        {
            throw new ArgumentException($"serviceUrl must be an absolute http(s) URL; got '{serviceUrl}'.", nameof(serviceUrl));
        }

        return new Uri($"{root.GetLeftPart(UriPartial.Path).TrimEnd('/')}/{relativePath}");
    }

    /// <summary>What a serviceUrl must be for the bot to answer there: an absolute http(s) URL (the inbound check uses it too).</summary>
    internal static bool TryServiceUrl(string? serviceUrl, out Uri root) =>
        Uri.TryCreate(serviceUrl?.Trim(), UriKind.Absolute, out root!) && (root.Scheme == Uri.UriSchemeHttps || root.Scheme == Uri.UriSchemeHttp);

    // Teams ids carry ':', '@', ';' and '=' (19:x@thread.tacv2;messageid=1): escape every segment.
    private static string Escape(string segment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(segment);
        return Uri.EscapeDataString(segment);
    }

    private static Activity Outbound(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.IsNullOrWhiteSpace(activity.Type)
            ? throw new ArgumentException("An outbound activity needs a type (usually \"message\").", nameof(activity))
            : activity;
    }

    private static byte[] Serialize(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJsonContext.Default.Activity);
}
