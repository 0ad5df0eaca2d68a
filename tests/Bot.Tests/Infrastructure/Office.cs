using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PerijinanBot.Bot.Tests.Infrastructure;

/// <summary>
/// The whole office on one machine, as ./run.sh lays it out: Azurite, the bot as its own process, and four Agents
/// Playgrounds, one per SOP role, each signed in as that person. Tests act only through the Playgrounds' HTTP API and see
/// what each person sees through the conversation stream their page renders from.
/// </summary>
public sealed class Office : IAsyncDisposable
{
    public static readonly string[] Roles = ["KetuaTimKerja", "AnggotaTimKerja", "KepalaBidang", "KepalaDinas"];

    private readonly Dictionary<string, Desk> _desks = [];

    private Office(AzuriteProcess azurite, BotProcess bot)
    {
        Azurite = azurite;
        Bot = bot;
    }

    public AzuriteProcess Azurite { get; }

    public BotProcess Bot { get; }

    public Desk this[string role] => _desks[role];

    public static Task<Office> OpenAsync(CancellationToken cancellationToken) => OpenAsync(Roles, cancellationToken);

    /// <summary>The office with a Playground for only <paramref name="roles"/> (each a Playground process: fewer is lighter).</summary>
    public static Task<Office> OpenAsync(IReadOnlyList<string> roles, CancellationToken cancellationToken) => OpenAsync(roles, new Dictionary<string, string>(), cancellationToken);

    /// <summary>
    /// The office with a Playground for only <paramref name="roles"/> (any of <see cref="Roles"/>, or <c>Admin</c>), the bot
    /// started with <paramref name="botSettings"/> (environment variables) besides the office's own.
    /// </summary>
    public static async Task<Office> OpenAsync(IReadOnlyList<string> roles, IReadOnlyDictionary<string, string> botSettings, CancellationToken cancellationToken)
    {
        var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        BotProcess? bot = null;
        try
        {
            bot = await BotProcess.StartAsync(new Dictionary<string, string>(botSettings)
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Storage__ConnectionString"] = azurite.ConnectionString,
                // Deliver the outbox promptly in tests; the in-process signal does the rest.
                ["Workflow__Storage__OutboxPollInterval"] = "00:00:02",
                // The bot lives in the office week, whatever day the suite runs.
                ["Development__ClockStartsAt"] = OfficeWeek.ClockStartsAt,
            }, cancellationToken);
            var office = new Office(azurite, bot);
            foreach (var role in roles)
            {
                office._desks[role] = await office.OpenDeskAsync(role, port: null, cancellationToken);
            }

            return office;
        }
        catch
        {
            if (bot is not null)
            {
                await bot.DisposeAsync();
            }

            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// This person's Teams goes away (their Playground stops) and comes back on the same port, as the bot knows it, when
    /// the returned task's function is called: what was sent meanwhile never arrived.
    /// </summary>
    public async Task<Func<Task<Desk>>> StopDeskAsync(string role, CancellationToken cancellationToken)
    {
        var desk = _desks[role];
        var port = desk.Port;
        _desks.Remove(role);
        await desk.DisposeAsync();
        return async () => _desks[role] = await OpenDeskAsync(role, port, cancellationToken);
    }

    private async Task<Desk> OpenDeskAsync(string role, int? port, CancellationToken cancellationToken)
    {
        var playground = await PlaygroundProcess.StartAsync(new PlaygroundSettings
        {
            BotEndpoint = Bot.MessagesEndpoint.ToString(),
            ConfigYaml = await PlaygroundConfigs.ForRoleAsync(role, cancellationToken),
            Port = port,
        }, cancellationToken);
        if (port is not null && playground.Port != port)
        {
            await playground.DisposeAsync();
            throw new InvalidOperationException($"{role}'s Playground came back on port {playground.Port}, not {port}");
        }

        var conversation = await PlaygroundConversation.OpenAsync(playground, cancellationToken);
        return new Desk(role, playground, conversation, await playground.GetConfigAsync(cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var desk in _desks.Values)
        {
            await desk.DisposeAsync();
        }

        await Bot.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

/// <summary>One person at their Playground: what they type, what they click, what they see.</summary>
public sealed class Desk(string role, PlaygroundProcess playground, PlaygroundConversation conversation, PlaygroundConfig config) : IAsyncDisposable
{
    public string Role { get; } = role;

    public string UserId => config.CurrentUserId;

    public string ChatId => config.PersonalChatId;

    /// <summary>Where this person's Playground page is served, for a browser.</summary>
    public int Port => playground.Port;

    public PlaygroundConversation Conversation { get; } = conversation;

    public async Task SayAsync(string text, CancellationToken cancellationToken)
    {
        using var response = await playground.Http.PostAsJsonAsync(
            $"/_conversation/v1/conversations/{Uri.EscapeDataString(ChatId)}/messages",
            new { from = new { id = UserId }, text, textFormat = "plain" }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Sends a message with attachments from this person, as Teams would deliver a file sent in the compose box. The Playground
    /// 0.2.28 cannot attach files from its page, so this takes its own activity skeleton for the chat
    /// (<c>GET /_internal/v1/customActivities/template</c>: id, serviceUrl, conversation, from, recipient) and hands it back
    /// with the text and attachments to <c>POST /_internal/v1/customActivities</c>, which forwards it to the bot unchanged.
    /// </summary>
    public async Task SendAttachmentsAsync(string text, JsonArray attachments, CancellationToken cancellationToken)
    {
        var activity = await playground.Http.GetFromJsonAsync<JsonObject>(
            $"/_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(ChatId)}", cancellationToken)
            ?? throw new InvalidOperationException("the Playground gave no activity template");
        activity["type"] = "message";
        activity["text"] = text;
        activity["textFormat"] = "plain";
        activity["locale"] = "id-ID";
        activity["attachments"] = attachments;
        using var response = await playground.Http.PostAsync("/_internal/v1/customActivities", JsonContent.Create(activity), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Waits for a new card in this person's chat that the predicate accepts; returns the message id and the card.</summary>
    public async Task<(string MessageId, JsonObject Card)> CardAsync(Func<JsonObject, bool> predicate, string what, TimeSpan? timeout = null)
    {
        var frame = await Conversation.WaitForAsync(
            f => (string?)f["action"] == "createMessage" && CardOf(f) is { } card && predicate(card),
            timeout ?? TimeSpan.FromSeconds(30),
            what);
        return ((string)frame["message"]!["messageId"]!, CardOf(frame)!);
    }

    /// <summary>Clicks an Action.Execute on a card, as the Playground does: an adaptiveCard/action invoke from this person.</summary>
    public async Task<JsonNode?> ExecuteAsync(string messageId, string verb, JsonObject data, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["from"] = new JsonObject { ["id"] = UserId },
            ["conversation"] = new JsonObject { ["id"] = ChatId },
            ["replyToId"] = messageId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = "manual",
            },
        };
        using var response = await playground.Http.PostAsync("/_conversation/v1/invoke", JsonContent.Create(body), cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public static JsonObject? CardOf(JsonObject frame) =>
        frame["message"]?["attachments"] is JsonArray { Count: > 0 } attachments
        && (string?)attachments[0]!["contentType"] == "application/vnd.microsoft.card.adaptive"
            ? attachments[0]!["content"] as JsonObject
            : null;

    public ValueTask DisposeAsync() => DisposeCoreAsync();

    private async ValueTask DisposeCoreAsync()
    {
        await Conversation.DisposeAsync();
        await playground.DisposeAsync();
    }
}
