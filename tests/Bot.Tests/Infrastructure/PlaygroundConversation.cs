using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace PerijinanBot.Bot.Tests.Infrastructure;

/// <summary>
/// What a person sees in a Playground tab: the test subscribes to the same conversation stream the Playground's web
/// page renders from, and records every message shown there.
/// </summary>
public sealed class PlaygroundConversation : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly List<JsonObject> _frames = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stop = new();
    private Task? _reader;
    private readonly HashSet<int> _taken = [];

    public IReadOnlyList<JsonObject> Frames
    {
        get
        {
            lock (_frames)
            {
                return [.. _frames];
            }
        }
    }

    public static async Task<PlaygroundConversation> OpenAsync(PlaygroundProcess playground, CancellationToken cancellationToken)
    {
        var conversation = new PlaygroundConversation();
        await conversation._socket.ConnectAsync(new Uri($"ws://localhost:{playground.Port}/_ws_conversation/v1/conversations/stream"), cancellationToken);
        conversation._reader = conversation.ReadAsync();
        return conversation;
    }

    /// <summary>Waits for a frame the predicate accepts (already received or still to come).</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> predicate, TimeSpan timeout, string what = "a matching frame")
    {
        using var cts = new CancellationTokenSource(timeout);
        var seen = 0;
        while (true)
        {
            var frames = Frames;
            for (; seen < frames.Count; seen++)
            {
                // Each frame is found once: a later wait for the same kind of card gets the next one.
                if (!_taken.Contains(seen) && predicate(frames[seen]))
                {
                    _taken.Add(seen);
                    return frames[seen];
                }
            }

            try
            {
                await _arrived.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{what}: nothing within {timeout}; received:\n{string.Join("\n", Frames.Select(f => f.ToJsonString()))}");
            }
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray())) is JsonObject frame)
                {
                    lock (_frames)
                    {
                        _frames.Add(frame);
                    }

                    _arrived.Release();
                }

                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closed by DisposeAsync or by the Playground stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_reader is not null)
        {
            await _reader;
        }

        _socket.Dispose();
        _stop.Dispose();
        _arrived.Dispose();
    }
}
