namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>Every SOP card, in a realistic situation, equals its reviewed golden file and parses cleanly in the official library.</summary>
[NeedsNode]
public sealed class GoldenCardTests
{
    public static TheoryData<string> Scenes { get; } = [.. SopScenes.All.Keys];

    [Theory]
    [MemberData(nameof(Scenes))]
    public void Each_SOP_card_matches_its_reviewed_golden_file_and_renders_without_warnings(string scene)
    {
        var card = SopScenes.All[scene](Typing.Normal);

        Cards.CardAssert.MatchesGolden(card, scene);
        Cards.CardAssert.IsValidAdaptiveCard(card);
    }
}
