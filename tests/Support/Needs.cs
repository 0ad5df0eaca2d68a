using Xunit.v3;

namespace PerijinanBot.Tests;

/// <summary>
/// What a test needs besides the .NET runtime and Node.js, as the xunit trait <c>Needs</c>. Tests that need nothing carry
/// no tag and make the fast tier: <c>./test.sh --fast</c> runs them with the filter
/// <c>Needs!=Azurite&amp;Needs!=Playground&amp;Needs!=Chromium</c>. A test carries every tag it needs (a Playground walk
/// usually needs Azurite too); put the tag on the class when all of its tests need the same. NeedsTagsTests (Bot.Tests)
/// fails when a test class uses Azurite, a Playground or Chromium without the matching tag, or carries one it does not need.
/// </summary>
public static class Needs
{
    /// <summary>The trait name.</summary>
    public const string Trait = "Needs";

    public const string Azurite = "Azurite";

    public const string Playground = "Playground";

    public const string Chromium = "Chromium";
}

/// <summary>Starts Azurite (the pinned npm package), directly or through a fixture, harness or the out-of-process bot's storage.</summary>
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
