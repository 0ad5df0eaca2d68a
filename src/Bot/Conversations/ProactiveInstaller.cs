using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using PerijinanBot.Bot.Graph;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Dialogs.Conversations;
using PerijinanBot.Protocol;
using PerijinanBot.Protocol.Connector;

namespace PerijinanBot.Bot.Conversations;

public enum ReachOutcome
{
    /// <summary>Proactive installation is off: the person must open the bot themself.</summary>
    Off,

    /// <summary>The app is installed and the bot now knows the 1:1 chat: send again.</summary>
    Reachable,

    /// <summary>Installation was requested; Teams will announce it with a conversationUpdate, which records the chat.</summary>
    Pending,

    /// <summary>Graph refused or could not be reached; <see cref="ReachResult.Problem"/> says why, in Indonesian.</summary>
    Failed,
}

public sealed record ReachResult(ReachOutcome Outcome, string? Problem = null);

/// <summary>
/// Reaches a person who never opened the bot: installs the Teams app for them through Graph (once), or, when it is already
/// installed, reads the 1:1 chat Teams made for it and records it, so the pending card can go.
/// </summary>
/// <remarks>
/// Table <c>AppInstallations</c> (PK = person) remembers when an installation was requested, so retries of the pending card
/// (and several instances) do not request it again while Teams is still installing. The app's catalog id is looked up from
/// the manifest id once per process.
/// </remarks>
internal sealed partial class ProactiveInstaller(
    GraphFeatures features,
    GraphAttempts attempts,
    IServiceProvider services,
    ConversationReferenceStore references,
    TableServiceClient tableService,
    IOptions<GraphOptions> options,
    IOptions<BotOptions> bot,
    IOptions<ConnectorOptions> connector,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    ILogger<ProactiveInstaller> logger)
{
    /// <summary>How long a requested installation is waited for before it is requested again.</summary>
    public static readonly TimeSpan RequestPatience = TimeSpan.FromMinutes(10);

    private readonly TableProvider _tables = new(tableService);
    private readonly string _tableName = storage.Value.TableName("AppInstallations");
    private readonly ConcurrentDictionary<string, string> _catalogIds = new(StringComparer.Ordinal);

    public bool IsOn => features.ProactiveInstall.IsOn;

    public async Task<ReachResult> TryReachAsync(string personId, CancellationToken cancellationToken)
    {
        if (!IsOn)
        {
            return new ReachResult(ReachOutcome.Off);
        }

        var result = await ReachAsync(personId, cancellationToken);
        if (result.Outcome == ReachOutcome.Failed)
        {
            attempts.Failed(features.ProactiveInstall);
        }
        else
        {
            attempts.Succeeded(features.ProactiveInstall);
        }

        return result;
    }

    private async Task<ReachResult> ReachAsync(string personId, CancellationToken cancellationToken)
    {

        var graph = services.GetRequiredService<GraphClient>().Client;
        var appId = options.Value.TeamsAppId!;
        try
        {
            var installed = await graph.Users[personId].Teamwork.InstalledApps.GetAsync(
                request =>
                {
                    request.QueryParameters.Expand = ["teamsApp"];
                    request.QueryParameters.Filter = $"teamsApp/externalId eq '{appId}'";
                },
                cancellationToken);
            if (installed?.Value?.FirstOrDefault(i => i.Id is not null) is { } installation)
            {
                return await RecordChatAsync(graph, personId, installation.Id!, cancellationToken);
            }

            if (await RequestedRecentlyAsync(personId, cancellationToken))
            {
                return new ReachResult(ReachOutcome.Pending);
            }

            var catalogId = await CatalogIdAsync(graph, appId, cancellationToken);
            if (catalogId is null)
            {
                return Fail(personId, InstallTexts.NotInCatalog);
            }

            try
            {
                await graph.Users[personId].Teamwork.InstalledApps.PostAsync(
                    new UserScopeTeamsAppInstallation
                    {
                        AdditionalData = new Dictionary<string, object> { ["teamsApp@odata.bind"] = $"{options.Value.BaseUrl.AbsoluteUri.TrimEnd('/')}/appCatalogs/teamsApps/{catalogId}" },
                    },
                    cancellationToken: cancellationToken);
            }
            catch (ODataError e) when (e.ResponseStatusCode == 409)
            {
                // Installed meanwhile (by the person, or by another instance): Teams announces it like any installation.
            }

            await MarkRequestedAsync(personId, cancellationToken);
            InstallRequested(logger, personId);
            return new ReachResult(ReachOutcome.Pending);
        }
        catch (ODataError e) when (e.ResponseStatusCode is 403 or 401)
        {
            return Fail(personId, InstallTexts.Forbidden);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return Fail(personId, InstallTexts.UnknownUser);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            GraphUnreachable(logger, e, personId);
            return new ReachResult(ReachOutcome.Failed, InstallTexts.Unreachable);
        }
    }

    private async Task<ReachResult> RecordChatAsync(GraphServiceClient graph, string personId, string installationId, CancellationToken cancellationToken)
    {
        var chat = await graph.Users[personId].Teamwork.InstalledApps[installationId].Chat.GetAsync(cancellationToken: cancellationToken);
        if (chat?.Id is not { } chatId)
        {
            // No chat yet: Teams' installation event records it.
            return new ReachResult(ReachOutcome.Pending);
        }

        // Made from the chat Graph names for this person and the bot's own settings, never from an address someone else
        // reached the bot at.
        var appId = bot.Value.MicrosoftAppId;
        await references.RememberOpenedAsync(
            personId,
            new ConversationReference
            {
                ServiceUrl = connector.Value.ProactiveServiceUrl.AbsoluteUri,
                ConversationId = chatId,
                ChannelId = "msteams",
                TenantId = chat.TenantId ?? bot.Value.MicrosoftAppTenantId,
                BotId = string.IsNullOrWhiteSpace(appId) ? null : "28:" + appId,
            },
            cancellationToken);
        return new ReachResult(ReachOutcome.Reachable);
    }

    private async Task<string?> CatalogIdAsync(GraphServiceClient graph, string appId, CancellationToken cancellationToken)
    {
        if (_catalogIds.TryGetValue(appId, out var cached))
        {
            return cached;
        }

        var apps = await graph.AppCatalogs.TeamsApps.GetAsync(
            request => request.QueryParameters.Filter = $"externalId eq '{appId}'",
            cancellationToken);
        if (apps?.Value?.FirstOrDefault(a => a.Id is not null)?.Id is not { } id)
        {
            return null;
        }

        _catalogIds[appId] = id;
        return id;
    }

    private async Task<bool> RequestedRecentlyAsync(string personId, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(_tableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(personId.ToLowerInvariant()), "install", cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetDateTimeOffset("RequestedAt") is { } at && time.GetUtcNow() - at < RequestPatience;
    }

    private async Task MarkRequestedAsync(string personId, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(_tableName, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(personId.ToLowerInvariant()), "install") { ["RequestedAt"] = time.GetUtcNow() }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Records that the assigner was told about this card's failure; false when they were told before.</summary>
    public async Task<bool> FirstTellingAsync(string personId, string cardKey, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(_tableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(TableKeys.Escape(personId.ToLowerInvariant()), "told|" + TableKeys.Escape(cardKey)) { ["At"] = time.GetUtcNow() }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private ReachResult Fail(string personId, string problem)
    {
        InstallFailed(logger, personId, problem);
        return new ReachResult(ReachOutcome.Failed, problem);
    }

    [LoggerMessage(EventId = 1410, Level = LogLevel.Information, Message = "Requested the Teams app installation for {PersonId}")]
    private static partial void InstallRequested(ILogger logger, string personId);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Warning, Message = "Cannot install the Teams app for {PersonId}: {Problem}")]
    private static partial void InstallFailed(ILogger logger, string personId, string problem);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Warning, Message = "Graph unreachable while installing the Teams app for {PersonId}")]
    private static partial void GraphUnreachable(ILogger logger, Exception exception, string personId);
}
