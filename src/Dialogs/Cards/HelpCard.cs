using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Commands;

namespace PerijinanBot.Dialogs.Cards;

/// <param name="PersonName">The person's name from the directory, or null when the bot does not know them.</param>
/// <param name="Roles">Their roles, as Indonesian names.</param>
/// <param name="Commands">The commands to list.</param>
/// <param name="Buttons">The commands offered as buttons.</param>
public sealed record HelpView(string? PersonName, IReadOnlyList<string> Roles, IReadOnlyList<CommandInfo> Commands, IReadOnlyList<CommandInfo> Buttons);

public static class HelpCard
{
    public static JsonObject Build(HelpView view)
    {
        var body = new List<JsonNode>
        {
            CardElements.Text("PerijinanBot — Bantuan", TextStyle.Title),
            CardElements.Text(Texts.Tagline, TextStyle.Subtle),
            CardElements.Text(Greeting(view)),
            CardElements.Text("Perintah yang dapat Anda ketik", TextStyle.Heading),
            CardElements.Facts(view.Commands.Select(c => (c.Usage, Describe(c)))),
            CardElements.Text("Di obrolan grup atau saluran, sebut @PerijinanBot sebelum perintah.", TextStyle.Subtle),
        };
        body.AddRange(CardElements.ButtonRows(view.Buttons.Select(c => (JsonNode)CardElements.CommandButton(c.ButtonTitle, c.Word))));
        return CardElements.Card(body);
    }

    private static string Greeting(HelpView view) => view.PersonName is null
        ? "Anda belum terdaftar di direktori PerijinanBot. Hubungi Admin Bidang agar peran Anda dicatat."
        : view.Roles.Count == 0
            ? $"Halo, {view.PersonName}."
            : $"Halo, {view.PersonName}. Peran Anda: {string.Join(", ", view.Roles)}.";

    private static string Describe(CommandInfo command) =>
        command.Aliases.Count == 0 ? command.Description : $"{command.Description} (juga: {string.Join(", ", command.Aliases)})";
}
