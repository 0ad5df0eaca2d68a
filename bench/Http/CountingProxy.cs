using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PerijinanBot.Bench.Http;

/// <summary>What a storage request was, as the Table service sees it (blob requests are one kind of their own).</summary>
internal enum RequestKind
{
    PointRead,
    Query,
    Insert,
    Upsert,
    ConditionalUpdate,
    Delete,
    Batch,
    OtherTable,
    Blob,
}

/// <summary>Counts per <see cref="RequestKind"/>, plus the operations carried inside batches; a snapshot is a plain copy.</summary>
internal sealed class RequestCounts
{
    public const int Kinds = (int)RequestKind.Blob + 1;

    public long[] ByKind { get; } = new long[Kinds];

    /// <summary>Per kind, the requests the service refused (4xx; for a batch: one of its operations, so none was applied).</summary>
    public long[] RefusedByKind { get; } = new long[Kinds];

    public long BatchOperations { get; set; }

    /// <summary>Every table request (batches counted once each, as one round trip): what the target counts.</summary>
    public long TableRequests => ByKind.Take((int)RequestKind.Blob).Sum();

    public RequestCounts Minus(RequestCounts other) => Combine(other, -1);

    public RequestCounts Plus(RequestCounts other) => Combine(other, 1);

    private RequestCounts Combine(RequestCounts other, int sign)
    {
        var result = new RequestCounts { BatchOperations = BatchOperations + (sign * other.BatchOperations) };
        for (var i = 0; i < Kinds; i++)
        {
            result.ByKind[i] = ByKind[i] + (sign * other.ByKind[i]);
            result.RefusedByKind[i] = RefusedByKind[i] + (sign * other.RefusedByKind[i]);
        }

        return result;
    }
}

/// <summary>
/// A reverse proxy on a free 127.0.0.1 port in front of one Azurite service (table or blob): every request is forwarded
/// byte for byte (path and query as sent, so the shared-key signature still holds) and counted by kind first.
/// </summary>
internal sealed class CountingProxy : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly string _target;
    private readonly bool _isTable;
    private readonly long[] _byKind = new long[RequestCounts.Kinds];
    private readonly long[] _refusedByKind = new long[RequestCounts.Kinds];
    private long _batchOperations;
    private LoopbackServer? _server;

    private CountingProxy(string target, bool isTable)
    {
        _target = target;
        _isTable = isTable;
        _client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseCookies = false,
        });
    }

    public int Port => _server?.Address.Port ?? throw new InvalidOperationException("not started");

    public static async Task<CountingProxy> StartAsync(int targetPort, bool isTable)
    {
        var proxy = new CountingProxy($"http://127.0.0.1:{targetPort}", isTable);
        proxy._server = await LoopbackServer.StartAsync(proxy.ForwardAsync);
        return proxy;
    }

    public RequestCounts Snapshot()
    {
        var counts = new RequestCounts { BatchOperations = Interlocked.Read(ref _batchOperations) };
        for (var i = 0; i < RequestCounts.Kinds; i++)
        {
            counts.ByKind[i] = Interlocked.Read(ref _byKind[i]);
            counts.RefusedByKind[i] = Interlocked.Read(ref _refusedByKind[i]);
        }

        return counts;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        // The raw target: Request.Path would unescape it, and the signature covers the path as the client wrote it.
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var kind = Count(request.Method, target, request.Headers.IfMatch.Count > 0, body);

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_target + target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
        if (body.Length > 0 || request.ContentLength is not null || request.ContentType is not null)
        {
            message.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (name is "Host" or "Content-Length" or "Transfer-Encoding" or "Connection")
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name is not ("Transfer-Encoding" or "Connection"))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        if (kind != RequestKind.Batch)
        {
            if ((int)response.StatusCode is >= 400 and < 500)
            {
                Interlocked.Increment(ref _refusedByKind[(int)kind]);
            }

            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
            return;
        }

        // A batch is answered 202 with a status line per operation inside; a refused one carries its failing operation's 4xx.
        var answer = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        if (Encoding.UTF8.GetString(answer).Contains("HTTP/1.1 4", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _refusedByKind[(int)kind]);
        }

        await context.Response.Body.WriteAsync(answer, context.RequestAborted);
    }

    private RequestKind Count(string method, string target, bool ifMatch, byte[] body)
    {
        var kind = _isTable ? Classify(method, target.Split('?')[0], ifMatch) : RequestKind.Blob;
        Interlocked.Increment(ref _byKind[(int)kind]);
        if (kind == RequestKind.Batch)
        {
            Interlocked.Add(ref _batchOperations, BatchOperations(body));
        }

        return kind;
    }

    /// <summary>
    /// Table REST shapes (learn.microsoft.com/rest/api/storageservices/table-service-rest-api): an entity is addressed as
    /// <c>Table(PartitionKey='…',RowKey='…')</c>; a query is a GET of <c>Table()</c> or <c>Table</c> with $filter; an
    /// insert is a POST to the table; Update/Merge/Insert-Or-Replace/Insert-Or-Merge are PUT, MERGE or PATCH on the entity,
    /// conditional when If-Match names an ETag; an entity group transaction is a POST to <c>$batch</c>.
    /// </summary>
    private static RequestKind Classify(string method, string path, bool ifMatch)
    {
        var last = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        var entity = last.Contains("PartitionKey=", StringComparison.Ordinal);
        return method switch
        {
            "POST" when last == "$batch" => RequestKind.Batch,
            "POST" when last.StartsWith("Tables", StringComparison.Ordinal) => RequestKind.OtherTable,
            "POST" => RequestKind.Insert,
            "GET" when entity => RequestKind.PointRead,
            "GET" when last.StartsWith("Tables", StringComparison.Ordinal) => RequestKind.OtherTable,
            "GET" => RequestKind.Query,
            "PUT" or "MERGE" or "PATCH" when entity => ifMatch ? RequestKind.ConditionalUpdate : RequestKind.Upsert,
            "DELETE" when entity => RequestKind.Delete,
            _ => RequestKind.OtherTable,
        };
    }

    /// <summary>The operations of a batch: each is a request line ("PUT http://… HTTP/1.1") inside the multipart body.</summary>
    private static int BatchOperations(byte[] body)
    {
        var operations = 0;
        foreach (var line in Encoding.UTF8.GetString(body).Split('\n'))
        {
            if (line.TrimEnd('\r').EndsWith(" HTTP/1.1", StringComparison.Ordinal) && !line.StartsWith("HTTP/", StringComparison.Ordinal))
            {
                operations++;
            }
        }

        return operations;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _client.Dispose();
    }
}
