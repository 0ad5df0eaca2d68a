namespace PerijinanBot.Bot.Conversations;

internal static class ConversationsSetup
{
    /// <summary>
    /// Where each person can be reached: conversation references, the 1:1 messenger, and (with <c>Graph:TeamsAppId</c>) the
    /// proactive installation for someone who has a step but never opened the bot.
    /// </summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<PersonalMessenger>();
        services.AddSingleton<CardCopies>();
        services.AddSingleton<ProactiveInstaller>();
        return services;
    }
}
