using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Protocol.Connector;

namespace PerijinanBot.Protocol.Tests.Connector;

/// <summary>What the client does when the connector throttles, fails or stalls — counted on the server side.</summary>
public sealed class ConnectorRetryTests : IAsyncLifetime
{
    private const string Conversation = "a:1xyz";
    private ScriptedConnector _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await ScriptedConnector.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Throttled_send_waits_as_long_as_Retry_After_asks_then_is_delivered_with_one_retry()
    {
        _server.Then(429, """{"error":{"code":"Throttled","message":"slow down"}}""", ("Retry-After", "1"))
            .Then(201, """{"id":"after-throttle"}""");
        await using var services = ConnectorHarness.Build();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var response = await Client(services).SendToConversationAsync(_server.ServiceUrl, Conversation, Message(), Ct);

        Assert.Equal("after-throttle", response.Id);
        Assert.Equal(2, _server.Requests.Count);
        // Timers may fire a few milliseconds early against the stopwatch; without Retry-After the test backoff is 5 ms.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {clock.Elapsed}, before the 1 s the server asked for");
    }

    [Fact]
    public async Task Throttled_sends_are_counted_on_the_connector_meter_each_429_and_each_retry_by_operation()
    {
        _server.Always(429, """{"error":{"code":"Throttled"}}""");
        await using var services = ConnectorHarness.Build(settings: new Dictionary<string, string?> { ["BotConnector:MaxAttempts"] = "3" });
        var counted = new System.Collections.Concurrent.ConcurrentBag<(string Instrument, long Value, string? Operation, object? Status)>();
        // Only this container's meter (the factory is the meter's scope): other tests' clients throttle at the same time.
        var factory = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ConnectorMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var all = tags.ToArray();
            counted.Add((instrument.Name, value, (string?)all.FirstOrDefault(t => t.Key == "operation").Value, all.FirstOrDefault(t => t.Key == "status").Value));
        });
        listener.Start();

        await Assert.ThrowsAsync<ConnectorException>(() => Client(services).SendToConversationAsync(_server.ServiceUrl, Conversation, Message(), Ct));

        Assert.Equal(3, counted.Count(c => c is ("perijinanbot.connector.throttled", 1, "SendToConversation", null)));
        Assert.Equal(2, counted.Count(c => c is ("perijinanbot.connector.retries", 1, "SendToConversation", 429)));
        Assert.Equal(5, counted.Count);
    }

    [Fact]
    public async Task Send_refused_with_412_is_retried_and_delivered()
    {
        _server.Then(412, """{"error":{"code":"PreconditionFailed"}}""").Then(201, """{"id":"second-try"}""");
        await using var services = ConnectorHarness.Build();

        var response = await Client(services).SendToConversationAsync(_server.ServiceUrl, Conversation, Message(), Ct);

        Assert.Equal("second-try", response.Id);
        Assert.Equal(["POST", "POST"], _server.Requests.Select(request => request.Method));
    }

    [Fact]
    public async Task Send_that_stays_throttled_fails_as_definitely_not_delivered()
    {
        _server.Always(429, """{"error":{"code":"Throttled"}}""");
        await using var services = ConnectorHarness.Build(settings: new Dictionary<string, string?> { ["BotConnector:MaxAttempts"] = "2" });

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(services).SendToConversationAsync(_server.ServiceUrl, Conversation, Message(), Ct));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(2, error.Attempts);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Update_answered_502_is_retried_and_succeeds()
    {
        _server.Then(502).Then(200, """{"id":"card-1"}""");
        await using var services = ConnectorHarness.Build();

        var response = await Client(services).UpdateActivityAsync(_server.ServiceUrl, Conversation, "card-1", Message(), Ct);

        Assert.Equal("card-1", response.Id);
        Assert.Equal(["PUT", "PUT"], _server.Requests.Select(request => request.Method));
    }

    [Fact]
    public async Task Update_that_times_out_is_retried_because_a_PUT_can_safely_be_repeated()
    {
        _server.ThenStall(TimeSpan.FromSeconds(10)).Then(200, """{"id":"card-1"}""");
        await using var services = ConnectorHarness.Build(settings: new Dictionary<string, string?> { ["BotConnector:RequestTimeout"] = "00:00:00.300" });

        var response = await Client(services).UpdateActivityAsync(_server.ServiceUrl, Conversation, "card-1", Message(), Ct);

        Assert.Equal("card-1", response.Id);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Update_that_keeps_getting_503_gives_up_after_MaxAttempts()
    {
        _server.Always(503, """{"error":{"code":"ServiceUnavailable"}}""");
        await using var services = ConnectorHarness.Build(settings: new Dictionary<string, string?> { ["BotConnector:MaxAttempts"] = "3" });

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(services).UpdateActivityAsync(_server.ServiceUrl, Conversation, "card-1", Message(), Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Delete_answered_504_is_retried_and_succeeds()
    {
        _server.Then(504).Then(202);
        await using var services = ConnectorHarness.Build();

        await Client(services).DeleteActivityAsync(_server.ServiceUrl, Conversation, "card-1", Ct);

        Assert.Equal(["DELETE", "DELETE"], _server.Requests.Select(request => request.Method));
    }

    [Fact]
    public async Task Bad_request_is_not_retried_and_reports_the_connectors_error_code_and_correlation_id()
    {
        _server.Then(400, """{"error":{"code":"BadArgument","message":"Unknown activity type"}}""", ("X-Correlating-OperationId", "op-42"));
        await using var services = ConnectorHarness.Build();

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(services).SendToConversationAsync(_server.ServiceUrl, Conversation, Message(), Ct));

        Assert.Single(_server.Requests);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("BadArgument", error.ErrorCode);
        Assert.Equal("Unknown activity type", error.ErrorMessage);
        Assert.Equal("op-42", error.CorrelationId);
        Assert.Equal(ConnectorOperation.SendToConversation, error.Operation);
        Assert.Contains("op-42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_is_not_retried_and_carries_the_MS_CV_when_there_is_no_operation_id()
    {
        _server.Then(403, """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""", ("MS-CV", "cv-7.1"));
        await using var services = ConnectorHarness.Build();

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(services).ReplyToActivityAsync(_server.ServiceUrl, Conversation, "inbound-1", Message(), Ct));

        Assert.Single(_server.Requests);
        Assert.Equal("ConversationBlockedByUser", error.ErrorCode);
        Assert.Equal("cv-7.1", error.CorrelationId);
    }

    [Fact]
    public async Task Member_not_found_is_not_retried()
    {
        _server.Then(404, """{"error":{"code":"MemberNotFoundInConversation","message":"Member not found"}}""");
        await using var services = ConnectorHarness.Build();

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(services).GetMemberAsync(_server.ServiceUrl, Conversation, "29:nobody", Ct));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("MemberNotFoundInConversation", error.ErrorCode);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData(502, false)]
    [InlineData(503, false)]
    [InlineData(504, false)]
    [InlineData(500, false)]
    [InlineData(502, true)]
    [InlineData(500, true)]
    public async Task Send_answered_with_a_server_error_may_have_been_delivered_so_it_is_never_sent_twice(int status, bool reply)
    {
        _server.Then(status, """{"error":{"code":"ServiceError"}}""", ("X-Correlating-OperationId", "op-5xx"));
        await using var services = ConnectorHarness.Build();

        var error = await Assert.ThrowsAsync<DeliveryOutcomeUnknownException>(() => reply
            ? Client(services).ReplyToActivityAsync(_server.ServiceUrl, Conversation, "inbound-1", Message(), Ct)
            : Client(services).SendToConversationAsync(_server.ServiceUrl, Conversation, Message(), Ct));

        Assert.Single(_server.Requests);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("op-5xx", error.CorrelationId);
        Assert.Equal(reply ? ConnectorOperation.ReplyToActivity : ConnectorOperation.SendToConversation, error.Operation);
    }

    [Fact]
    public async Task Send_that_gets_no_answer_within_the_timeout_is_never_sent_twice()
    {
        _server.ThenStall(TimeSpan.FromSeconds(10));
        await using var services = ConnectorHarness.Build(settings: new Dictionary<string, string?> { ["BotConnector:RequestTimeout"] = "00:00:00.300" });

        var error = await Assert.ThrowsAsync<DeliveryOutcomeUnknownException>(() =>
            Client(services).SendToConversationAsync(_server.ServiceUrl, Conversation, Message(), Ct));

        Assert.Null(error.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_whose_connection_drops_after_the_request_went_out_is_never_sent_twice()
    {
        _server.ThenReset();
        await using var services = ConnectorHarness.Build();

        var error = await Assert.ThrowsAsync<DeliveryOutcomeUnknownException>(() =>
            Client(services).SendToConversationAsync(_server.ServiceUrl, Conversation, Message(), Ct));

        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_to_a_port_nobody_listens_on_is_retried_because_nothing_can_have_been_delivered()
    {
        var closedPort = ClosedLoopbackPort();
        await using var services = ConnectorHarness.Build(settings: new Dictionary<string, string?> { ["BotConnector:MaxAttempts"] = "3" });

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(services).SendToConversationAsync($"http://127.0.0.1:{closedPort}/connector", Conversation, Message(), Ct));

        Assert.Null(error.StatusCode);
        Assert.Equal(3, error.Attempts);
    }

    [Fact]
    public async Task Creating_a_personal_conversation_is_retried_after_503_because_Teams_returns_the_same_chat()
    {
        _server.Then(503).Then(201, """{"id":"a:personal-1"}""");
        await using var services = ConnectorHarness.Build();

        var response = await Client(services).CreatePersonalConversationAsync(_server.ServiceUrl, "tenant-1", "28:bot", "29:user", Ct);

        Assert.Equal("a:personal-1", response.Id);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Creating_a_conversation_with_a_first_message_is_not_retried_after_503()
    {
        _server.Then(503);
        await using var services = ConnectorHarness.Build();
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            Activity = Message(),
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo("19:channel@thread.tacv2", null) },
        };

        await Assert.ThrowsAsync<DeliveryOutcomeUnknownException>(() =>
            Client(services).CreateConversationAsync(_server.ServiceUrl, parameters, Ct));

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Cancelling_the_caller_stops_the_call_without_a_retry()
    {
        _server.ThenStall(TimeSpan.FromSeconds(10));
        await using var services = ConnectorHarness.Build();
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var call = Client(services).UpdateActivityAsync(_server.ServiceUrl, Conversation, "card-1", Message(), caller.Token);

        // Cancelled once the request is at the connector (a fixed delay could fire before it got there on a busy machine).
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (_server.Requests.Count == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(10, Ct);
        }

        await caller.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Single(_server.Requests);
    }

    internal static Activity Message() => new() { Type = ActivityTypes.Message, Id = "inbound-id", Text = "Kegiatan menunggu persetujuan Anda" };

    private static ConnectorClient Client(ServiceProvider services) => services.GetRequiredService<ConnectorClient>();

    private static int ClosedLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
