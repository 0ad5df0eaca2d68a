using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Bot.Turns;
using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Bot.Tests.Turns;

/// <summary>
/// One router for chat commands and card verbs, filled by the features: a verb or command claimed twice, or a command of the
/// help that nothing answers, stops the bot before it takes a request.
/// </summary>
public sealed class TurnRouterTests
{
    [Fact]
    public void Every_command_and_verb_registered_once_is_found()
    {
        var router = new TurnRouter([new Routes(AllCommands(), ["a", "b"])]);

        Assert.Equal(["a", "b"], router.Verbs.Order());
        Assert.True(router.TryVerb("b", out _, out _));
        Assert.False(router.TryVerb("c", out _, out _));
        Assert.NotNull(router.For(CommandKind.Status));
    }

    [Fact]
    public void A_verb_claimed_by_two_features_is_refused_with_its_name()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new TurnRouter([new Routes(AllCommands(), ["approve"]), new Routes([], ["approve"])]));

        Assert.Contains("Card verb 'approve' has two handlers", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_claimed_by_two_features_is_refused_with_its_name()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new TurnRouter([new Routes(AllCommands(), []), new Routes([CommandKind.Agenda], [])]));

        Assert.Contains("Command Agenda has two handlers", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_of_the_help_that_nothing_handles_is_refused_with_its_word()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new TurnRouter([new Routes([.. AllCommands().Where(k => k != CommandKind.Compliance)], [])]));

        Assert.Contains("laporan", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bot_does_not_start_when_a_feature_claims_a_verb_another_already_has()
    {
        using var bot = new BotFactory(new Dictionary<string, string?>(), configureServices: s => s.AddSingleton<ITurnRoutes>(new Routes([], [SopVerbs.Approve])));

        var refused = Assert.Throws<InvalidOperationException>(() => bot.Services);

        Assert.Contains($"Card verb '{SopVerbs.Approve}' has two handlers", refused.Message, StringComparison.Ordinal);
    }

    private static CommandKind[] AllCommands() => [.. CommandCatalog.All.Select(c => c.Kind).Append(CommandKind.Unknown).Distinct()];

    private sealed class Routes(IEnumerable<CommandKind> commands, IEnumerable<string> verbs) : ITurnRoutes
    {
        public void Register(TurnRouter router)
        {
            foreach (var kind in commands)
            {
                router.Command(kind, (_, _, _) => Task.CompletedTask);
            }

            foreach (var verb in verbs)
            {
                router.Verb(verb, (_, _, _, _) => Task.FromResult(new JsonObject()), (_, _, _, _) => Task.CompletedTask);
            }
        }
    }
}
