using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Protocol;

namespace PerijinanBot.Bot.Conversations;

/// <summary>
/// Remembers where every conversation and every person can be reached, so the bot can later write first (the next
/// assignee's card, a reminder). Three kinds of row: one per conversation; one per person holding their own 1:1 chat;
/// and, for people seen only in a group, the address needed to create that chat.
/// </summary>
/// <remarks>
/// A person's own reference is where every card for them goes, so it is written only from their 1:1 chat: an activity
/// from a personal conversation that another person owns, or from a second personal conversation while the first is
/// still on record, changes nothing (only Teams' installation events may move a person to a new chat). Nothing shared
/// (a group address, another person's row) is ever copied into it.
/// </remarks>
internal sealed class ConversationReferenceStore(TableProvider tables, IOptions<StorageOptions> options, TimeProvider time, ILogger<ConversationReferenceStore> logger)
{
    public const string TableName = "ConversationReferences";

    /// <summary>The table, after <c>Storage:TableNamePrefix</c>: environments sharing an account stay apart.</summary>
    private readonly string _name = options.Value.TableName(TableName);
    private const string ConversationPartition = "conversation";
    private const string UserPartition = "user";
    private const string SeenPartition = "seen";

    // What this instance last wrote or read per row: an unchanged reference costs no write on the hot path, and the
    // owner of a personal conversation is read once per process.
    private readonly ConcurrentDictionary<string, string> _written = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConversationReference?> _known = new(StringComparer.Ordinal);

    // A person's 1:1 chat as last read or written, for the sends of the next minutes: every card and notice needs it, and
    // it changes only when Teams moves the chat (an installation event, which may reach another instance: hence the limit).
    // Misses are not kept, so a person who has just installed the app is found at once.
    private readonly ConcurrentDictionary<string, (ConversationReference Reference, DateTimeOffset Until)> _personal = new(StringComparer.Ordinal);

    /// <summary>How long a person's 1:1 chat is taken from memory before it is read again.</summary>
    public static readonly TimeSpan PersonalLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Records the address of an inbound activity. <paramref name="installing"/>: the activity is Teams announcing that the
    /// app was installed for the sender, the one event that may move a person's 1:1 chat to a new conversation.
    /// </summary>
    public async Task RememberAsync(ConversationReference reference, bool installing, CancellationToken cancellationToken)
    {
        var sender = reference.UserAadObjectId is { Length: > 0 } id ? id.ToLowerInvariant() : null;
        if (!reference.IsPersonal)
        {
            await UpsertAsync(ConversationPartition, reference.ConversationId, reference, cancellationToken);
            if (sender is not null)
            {
                // Seen only in a group: its user id, serviceUrl and tenant are what creating their 1:1 chat needs.
                await UpsertAsync(SeenPartition, sender, reference, cancellationToken);
            }

            return;
        }

        var owner = (await KnownAsync(ConversationPartition, reference.ConversationId, cancellationToken))?.UserAadObjectId?.ToLowerInvariant();
        if (owner is not null && owner != sender)
        {
            Log.NotOwner(logger, reference.ConversationId);
            return;
        }

        if (sender is not null && !installing && !await IsTheirChatAsync(sender, reference.ConversationId, cancellationToken))
        {
            Log.SecondPersonalChat(logger, reference.ConversationId);
            return;
        }

        await UpsertAsync(ConversationPartition, reference.ConversationId, reference, cancellationToken);
        if (sender is not null)
        {
            await UpsertAsync(UserPartition, sender, reference, cancellationToken);
        }
    }

    /// <summary>
    /// Records a 1:1 chat the bot itself opened for a person (the Bot Connector created it for their user id, or Graph named
    /// the chat of their installation): it is theirs by construction.
    /// </summary>
    public async Task RememberOpenedAsync(string aadObjectId, ConversationReference personal, CancellationToken cancellationToken)
    {
        var reference = personal with { ConversationType = "personal", IsGroup = false, UserAadObjectId = aadObjectId };
        await UpsertAsync(ConversationPartition, reference.ConversationId, reference, cancellationToken);
        await UpsertAsync(UserPartition, aadObjectId.ToLowerInvariant(), reference, cancellationToken);
    }

    public Task<ConversationReference?> FindConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        ReadAsync(ConversationPartition, conversationId, cancellationToken);

    /// <summary>The person's 1:1 chat with the bot, or null when they have none yet.</summary>
    public async Task<ConversationReference?> FindPersonalAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var id = aadObjectId.ToLowerInvariant();
        if (_personal.TryGetValue(id, out var cached) && cached.Until > time.GetUtcNow())
        {
            return cached.Reference;
        }

        if (await ReadAsync(UserPartition, id, cancellationToken) is not { IsPersonal: true } reference)
        {
            return null;
        }

        _personal[id] = (reference, time.GetUtcNow() + PersonalLifetime);
        return reference;
    }

    /// <summary>The group the person last wrote in, or null: the address from which their 1:1 chat can be created.</summary>
    public Task<ConversationReference?> FindSeenAsync(string aadObjectId, CancellationToken cancellationToken) =>
        ReadAsync(SeenPartition, aadObjectId.ToLowerInvariant(), cancellationToken);

    /// <summary>True when the person has no 1:1 chat on record yet, or this is it (checked against storage, not only this
    /// instance's memory, before an activity is ignored: another instance may have seen Teams move the chat).</summary>
    private async Task<bool> IsTheirChatAsync(string sender, string conversationId, CancellationToken cancellationToken)
    {
        if (await KnownAsync(UserPartition, sender, cancellationToken) is not { } current || current.ConversationId == conversationId)
        {
            return true;
        }

        var stored = await ReadAsync(UserPartition, sender, cancellationToken);
        _known[UserPartition + "|" + TableKeys.Escape(sender)] = stored;
        return stored is null || stored.ConversationId == conversationId;
    }

    private async Task<ConversationReference?> KnownAsync(string partition, string id, CancellationToken cancellationToken)
    {
        var cacheKey = partition + "|" + TableKeys.Escape(id);
        if (_known.TryGetValue(cacheKey, out var known))
        {
            return known;
        }

        var read = await ReadAsync(partition, id, cancellationToken);
        _known[cacheKey] = read;
        return read;
    }

    private async Task UpsertAsync(string partition, string id, ConversationReference reference, CancellationToken cancellationToken)
    {
        var rowKey = TableKeys.Escape(id);
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
        _known[cacheKey] = reference;
        if (partition == UserPartition)
        {
            _personal[id] = (reference, time.GetUtcNow() + PersonalLifetime);
        }
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
