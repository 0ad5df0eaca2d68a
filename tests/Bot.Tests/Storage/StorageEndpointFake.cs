using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PerijinanBot.Bot.Tests.Storage;

/// <summary>
/// Stands in for the storage account's https endpoint, which cannot run here (Azurite serves only plain http in the tests,
/// and a bearer token is never sent over http): the last policy before the wire records what the client would send and
/// answers with the status a real account gives, so the request never leaves the process.
/// </summary>
internal sealed class StorageEndpointFake(int status) : HttpPipelinePolicy
{
    public List<(string Method, Uri Uri, string? Authorization)> Requests { get; } = [];

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => Answer(message);

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Answer(message);
        return ValueTask.CompletedTask;
    }

    private void Answer(HttpMessage message)
    {
        message.Request.Headers.TryGetValue("Authorization", out var authorization);
        Requests.Add((message.Request.Method.Method, message.Request.Uri.ToUri(), authorization));
        message.Response = new FakeResponse(status);
    }

    private sealed class FakeResponse(int status) : Response
    {
        private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase)
        {
            ["x-ms-request-id"] = Guid.NewGuid().ToString(),
        };

        public override int Status => status;

        public override string ReasonPhrase => "";

        public override Stream? ContentStream { get; set; } = new MemoryStream();

        public override string ClientRequestId { get; set; } = "";

        public override void Dispose() => ContentStream?.Dispose();

        protected override bool ContainsHeader(string name) => _headers.ContainsKey(name);

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers.Select(h => new HttpHeader(h.Key, h.Value));

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => _headers.TryGetValue(name, out value);

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = _headers.TryGetValue(name, out var value) ? [value] : null;
            return values is not null;
        }
    }
}

/// <summary>A stand-in for Entra: hands out a made-up token and records every scope it was asked for.</summary>
internal sealed class RecordingCredential : TokenCredential
{
    public const string Token = "token-from-the-managed-identity";

    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Scopes)
        {
            Scopes.AddRange(requestContext.Scopes);
        }

        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
