using Xunit.v3;

namespace PerijinanBot.Tests;

/// <summary>
/// What a test needs besides the .NET runtime, as the xunit trait <c>Needs</c>. Tests that need nothing carry no tag and
/// make the fast tier: <c>./test.sh --fast</c> runs them with the filter <see cref="FastFilter"/>. A test carries every
/// service it needs (a Playground walk needs Azurite too); Node and the bot process are implied by any service (Azurite
/// and the Playground run on Node), so they are tagged only on tests that need no service. Put the tag on the class when
/// all of its tests need the same. NeedsTagsTests (Bot.Tests) fails when a test uses one of these without its tag, or
/// carries a tag it does not need.
/// </summary>
public static class Needs
{
    /// <summary>The trait name.</summary>
    public const string Trait = "Needs";

    public const string Azurite = "Azurite";

    public const string Playground = "Playground";

    public const string Chromium = "Chromium";

    public const string Node = "Node";

    public const string BotProcess = "BotProcess";

    /// <summary>The dotnet test filter of the tests that need nothing (test.sh spells it too).</summary>
    public const string FastFilter = "Needs!=Azurite&Needs!=Playground&Needs!=Chromium&Needs!=Node&Needs!=BotProcess";
}

/// <summary>Starts Azurite (the pinned npm package): directly, through a fixture or harness, or under the bot it starts.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class NeedsAzuriteAttribute : Attribute, ITraitAttribute
{
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(Needs.Trait, Needs.Azurite)];
}

/// <summary>Starts one or more Microsoft 365 Agents Playgrounds (the pinned npm package).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class NeedsPlaygroundAttribute : Attribute, ITraitAttribute
{
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(Needs.Trait, Needs.Playground)];
}

/// <summary>Drives headless Chromium (the Debian package) through the scripts in tools/browser.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class NeedsChromiumAttribute : Attribute, ITraitAttribute
{
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(Needs.Trait, Needs.Chromium)];
}

/// <summary>Runs a Node.js tool of the repo (the Adaptive Cards validator, the manifest packager): a process per call.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class NeedsNodeAttribute : Attribute, ITraitAttribute
{
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(Needs.Trait, Needs.Node)];
}

/// <summary>Starts the bot as its own process (<c>dotnet PerijinanBot.Bot.dll</c>), e.g. to see it refuse bad settings.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class NeedsBotProcessAttribute : Attribute, ITraitAttribute
{
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(Needs.Trait, Needs.BotProcess)];
}
