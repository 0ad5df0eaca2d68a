using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>
/// Shown instead of a change: a refusal (not this person's turn, kegiatan closed, …) or a stale card (the step was already
/// decided). Says why in the engine's words, then where the kegiatan is now. Never a decision button.
/// </summary>
public static class RefusalCard
{
    /// <summary>A button whose action the bot does not know: a card from an older version, or forged data.</summary>
    public static JsonObject UnknownButton() =>
        Build(new RefusalCardView("Tombol tidak dikenal", SopTexts.UnknownButton, false, null, null, null, []));

    /// <summary>The "belum terdaftar" card: what someone not in the directory gets instead of any kegiatan's data.</summary>
    public static JsonObject NotRegistered() =>
        Build(new RefusalCardView("Anda belum terdaftar", SopTexts.NotRegisteredToUse, false, null, null, null, []));

    /// <summary>A button only some may press, pressed by someone else: <paramref name="why"/> says who may.</summary>
    public static JsonObject NotForYou(string why) =>
        Build(new RefusalCardView("Tindakan ini bukan untuk Anda", why, false, null, null, null, []));

    public static JsonObject Build(RefusalCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>
        {
            CardElements.Text(view.Title, TextStyle.Title),
            CardInputs.Banner(view.Message, view.IsStale ? "warning" : "attention"),
        };
        if (view.Header is { } header)
        {
            body.Add(CardInputs.Container(SopBlocks.Rows(header.Rows), separator: true, spacing: "Medium"));
        }

        if (view.State is { } state)
        {
            body.AddRange(SopBlocks.State(state));
        }

        if (view.OpenNumber is { } number)
        {
            body.Add(CardInputs.ActionSet([SopBlocks.OpenButton(number, "Buka kartu terkini")]));
        }

        if (view.Timeline.Count > 0)
        {
            body.Add(SopBlocks.Timeline(view.Timeline));
        }

        return CardElements.Card(body);
    }
}
