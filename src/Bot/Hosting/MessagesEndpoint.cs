namespace PerijinanBot.Bot.Hosting;

internal static class MessagesEndpoint
{
    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", () => Results.Ok());
        return app;
    }
}
