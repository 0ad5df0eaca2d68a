using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PerijinanBot.Bot.Tests.Workflow.Storage;

/// <summary>What to do to one request: fail it before it leaves, or let it reach Azurite and lose the answer.</summary>
public sealed record Fault(string Name, int? StatusBefore = null, bool ThrowBefore = false, bool TimeoutAfter = false, int? StatusAfter = null)
{
    /// <summary>Never sent: the service answers 503 (the SDK retries it).</summary>
    public static Fault Status503Before { get; } = new("503 before sending", StatusBefore: 503);

    /// <summary>Never sent: a 412 as if someone had written first.</summary>
    public static Fault Status412Before { get; } = new("412 before sending", StatusBefore: 412);

    /// <summary>Never sent: the connection fails.</summary>
    public static Fault ConnectionLost { get; } = new("connection lost before sending", ThrowBefore: true);

    /// <summary>Temporal's ExecuteAndTimeout: the write is applied, the caller sees a timeout.</summary>
    public static Fault AppliedThenTimeout { get; } = new("applied, then timeout", TimeoutAfter: true);

    /// <summary>The write is applied, the caller sees a 500.</summary>
    public static Fault AppliedThen500 { get; } = new("applied, then 500", StatusAfter: 500);

    public override string ToString() => Name;
}

/// <summary>
/// An Azure SDK pipeline policy (per retry, so every HTTP request passes it) that records each request and injects faults
/// into the ones a test picks.
/// </summary>
public sealed class StorageTap : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly List<(Func<Request, bool> Match, Fault Fault, Func<Task>? Meanwhile)> _faults = [];

    /// <summary>"METHOD /path?query", in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static bool IsBatch(Request request) => request.Method == RequestMethod.Post && request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal);

    public static bool IsStateRead(Request request) => request.Method == RequestMethod.Get && request.Uri.Path.Contains("RowKey='state'", StringComparison.Ordinal);

    public static bool IsDelete(Request request) => request.Method == RequestMethod.Delete;

    /// <summary>A batch that deletes rows: the outbox pass completing delivered items.</summary>
    public static bool IsBatchWithDelete(Request request)
    {
        if (!IsBatch(request) || request.Content is null)
        {
            return false;
        }

        using var body = new MemoryStream();
        request.Content.WriteTo(body, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(body.ToArray()).Contains("\nDELETE ", StringComparison.Ordinal);
    }

    public void Clear() => _requests.Clear();

    /// <summary>The next request matching <paramref name="match"/> gets <paramref name="fault"/>; <paramref name="meanwhile"/> runs after it applied.</summary>
    public void Inject(Fault fault, Func<Request, bool> match, Func<Task>? meanwhile = null)
    {
        lock (_faults)
        {
            _faults.Add((match, fault, meanwhile));
        }
    }

    /// <summary>Every request matching <paramref name="match"/> from now on gets <paramref name="fault"/>, <paramref name="times"/> times.</summary>
    public void Inject(Fault fault, Func<Request, bool> match, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Inject(fault, match);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        _requests.Enqueue($"{message.Request.Method} /{message.Request.Uri.Path.TrimStart('/')}{message.Request.Uri.Query}");
        if (!TryTake(message.Request, out var fault, out var meanwhile))
        {
            await ProcessNextAsync(message, pipeline);
            return;
        }

        if (fault.ThrowBefore)
        {
            throw new IOException($"simulated: {fault}");
        }

        if (fault.StatusBefore is { } before)
        {
            message.Response = new FakeResponse(before);
            return;
        }

        await ProcessNextAsync(message, pipeline);
        if (meanwhile is not null)
        {
            await meanwhile();
        }

        if (fault.TimeoutAfter)
        {
            throw new TaskCanceledException($"simulated: {fault}");
        }

        message.Response.Dispose();
        message.Response = new FakeResponse(fault.StatusAfter!.Value);
    }

    private bool TryTake(Request request, [NotNullWhen(true)] out Fault? fault, out Func<Task>? meanwhile)
    {
        lock (_faults)
        {
            var index = _faults.FindIndex(f => f.Match(request));
            if (index < 0)
            {
                fault = null;
                meanwhile = null;
                return false;
            }

            (fault, meanwhile) = (_faults[index].Fault, _faults[index].Meanwhile);
            _faults.RemoveAt(index);
            return true;
        }
    }

    private sealed class FakeResponse(int status) : Response
    {
        public override int Status => status;

        public override string ReasonPhrase => "Simulated";

        public override Stream? ContentStream { get; set; } = new MemoryStream("""{"odata.error":{"code":"Simulated","message":{"lang":"en-US","value":"simulated"}}}"""u8.ToArray());

        public override string ClientRequestId { get; set; } = Guid.NewGuid().ToString();

        public override void Dispose() => ContentStream?.Dispose();

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }
    }
}
