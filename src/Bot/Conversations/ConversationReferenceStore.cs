using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Protocol;

namespace PerijinanBot.Bot.Conversations;

/// <summary>
/// Remembers where every conversation and every person can be reached, from each inbound activity, so the bot
/// can later write first (the next assignee's card, a reminder). Two rows: one per conversation, and one per
/// person holding their 1:1 chat (or, until they open one, the address needed to create it).
/// </summary>
internal sealed class ConversationReferenceStore(TableProvider tables, IOptions<StorageOptions> options)
{
    public const string TableName = "ConversationReferences";

    /// <summary>The table, after <c>Storage:TableNamePrefix</c>: environments sharing an account stay apart.</summary>
    private readonly string _name = options.Value.TableName(TableName);
    private const string ConversationPartition = "conversation";
    private const string UserPartition = "user";
    private const string BotPartition = "bot";

    // What this instance last wrote per row: an unchanged reference costs no write on the hot path.
    private readonly ConcurrentDictionary<string, string> _written = new(StringComparer.Ordinal);

    public async Task RememberAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        await UpsertAsync(ConversationPartition, reference.ConversationId, reference, cancellationToken);
        if (reference.BotId is { Length: > 0 })
        {
            // The latest address anyone reached the bot at (service URL, tenant, the bot's own id): what a chat Teams made for
            // someone who never wrote (a proactive install) needs to be addressed.
            // Without the conversation and the user the row is the same for everyone, so it costs a write only when it changes.
            await UpsertAsync(BotPartition, "latest", reference with { ConversationId = "", ConversationType = null, IsGroup = false, UserId = null, UserAadObjectId = null, UserName = null }, cancellationToken);
        }

        if (reference.UserAadObjectId is { Length: > 0 } aadObjectId && reference.IsPersonal)
        {
            await UpsertAsync(UserPartition, aadObjectId, reference, cancellationToken);
        }
        else if (reference.UserAadObjectId is { Length: > 0 } groupUser && await FindPersonalAsync(groupUser, cancellationToken) is null)
        {
            // Seen only in a group so far: keep the group address; its user id, serviceUrl and tenant are what creating their 1:1 chat needs.
            await UpsertAsync(UserPartition, groupUser, reference, cancellationToken);
        }
    }

    public Task<ConversationReference?> FindConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        ReadAsync(ConversationPartition, conversationId, cancellationToken);

    /// <summary>The person's 1:1 chat with the bot, or null when they have none yet.</summary>
    public async Task<ConversationReference?> FindPersonalAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var reference = await FindUserAsync(aadObjectId, cancellationToken);
        return reference is { IsPersonal: true } ? reference : null;
    }

    /// <summary>The latest address the bot was reached at (service URL, tenant, bot id), or null when nobody ever wrote.</summary>
    public Task<ConversationReference?> FindAnyAsync(CancellationToken cancellationToken) =>
        ReadAsync(BotPartition, "latest", cancellationToken);

    /// <summary>The last address the person was seen at: their 1:1 chat when known, else a group they wrote in.</summary>
    public Task<ConversationReference?> FindUserAsync(string aadObjectId, CancellationToken cancellationToken) =>
        ReadAsync(UserPartition, aadObjectId.ToLowerInvariant(), cancellationToken);

    private async Task UpsertAsync(string partition, string id, ConversationReference reference, CancellationToken cancellationToken)
    {
        var rowKey = TableKeys.Escape(partition == UserPartition ? id.ToLowerInvariant() : id);
        var json = JsonSerializer.Serialize(reference, ProtocolJsonContext.Default.ConversationReference);
        var cacheKey = partition + "|" + rowKey;
        if (_written.TryGetValue(cacheKey, out var previous) && previous == json)
        {
            return;
        }

        var table = await tables.GetAsync(_name, cancellationToken);
        var entity = new TableEntity(partition, rowKey) { ["Reference"] = json };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        _written[cacheKey] = json;
    }

    private async Task<ConversationReference?> ReadAsync(string partition, string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_name, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, TableKeys.Escape(id), ["Reference"], cancellationToken);
        if (!response.HasValue || response.Value?.GetString("Reference") is not { } json)
        {
            return null;
        }

        return JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.ConversationReference);
    }
}
