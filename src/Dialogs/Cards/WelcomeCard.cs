using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Commands;

namespace PerijinanBot.Dialogs.Cards;

/// <param name="PersonName">Who installed the bot in their personal scope; null in a group chat or team, or for someone not in the directory.</param>
/// <param name="Roles">Their roles, as Indonesian names (empty when unknown or in a group).</param>
/// <param name="IsGroup">Added to a group chat or team rather than a personal chat.</param>
/// <param name="Commands">The commands worth offering as buttons here.</param>
public sealed record WelcomeView(string? PersonName, IReadOnlyList<string> Roles, bool IsGroup, IReadOnlyList<CommandInfo> Commands);

/// <summary>The first thing the bot says where it was just installed: what it does, who you are to it, where to start.</summary>
public static class WelcomeCard
{
    public static JsonObject Build(WelcomeView view)
    {
        var body = new List<JsonNode>
        {
            CardElements.Text("Selamat datang di PerijinanBot", TextStyle.Title),
            CardElements.Text(Texts.Tagline, TextStyle.Subtle),
            CardElements.Text("Bot ini memandu setiap pelaksana melalui langkahnya dalam SOP 000.8 / 1622 / DISKOPUKM.B: Anda menerima kartu tugas, memutuskan Setuju atau Tidak, dan pelaksana langkah berikutnya langsung menerima kartunya. Setiap langkah dicatat dan diukur terhadap mutu baku waktu SOP, dalam jam kerja WIB."),
            CardElements.Text(Who(view)),
        };
        if (view.IsGroup)
        {
            body.Add(CardElements.Text("Di obrolan ini, sebut @PerijinanBot sebelum perintah, misalnya: @PerijinanBot bantuan.", TextStyle.Subtle));
        }

        body.AddRange(CardElements.ButtonRows(view.Commands.Select(c => (JsonNode)CardElements.CommandButton(c.ButtonTitle, c.Word))));
        return CardElements.Card(body);
    }

    private static string Who(WelcomeView view) => view switch
    {
        { IsGroup: true } => "Kartu tugas dikirim ke obrolan pribadi setiap pelaksana; di sini bot menjawab perintah yang menyebutnya.",
        { PersonName: null } => "Anda belum terdaftar di direktori PerijinanBot. Hubungi Admin Bidang agar peran Anda dicatat.",
        { Roles.Count: 0 } => $"Halo, {view.PersonName}. Anda terdaftar tanpa peran SOP; hubungi Admin Bidang bila ini keliru.",
        _ => $"Halo, {view.PersonName}. Peran Anda: {string.Join(", ", view.Roles)}.",
    };
}
