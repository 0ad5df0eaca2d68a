namespace PerijinanBot.Dialogs.Commands;

/// <summary>
/// The commands people can type. Only commands that work are listed: a command joins this table in the
/// same change that makes it do its job, so the help card never offers something that answers nothing.
/// </summary>
public static class CommandCatalog
{
    public static IReadOnlyList<CommandInfo> All { get; } =
    [
        new(CommandKind.Help, "bantuan", "bantuan", "Menampilkan bantuan ini dan daftar perintah.", ["help", "?", "tolong"], "Bantuan"),
        new(CommandKind.Roles, "peran", "peran", "Menampilkan siapa memegang peran apa di Bidang (Anggota/Ketua Tim Kerja, Kepala Bidang, Kepala Dinas).", ["roles", "role"], "Lihat pemegang peran"),
    ];

    private static readonly Dictionary<string, CommandInfo> ByWord = BuildIndex();

    public static CommandInfo? Find(string word) => ByWord.GetValueOrDefault(word);

    private static Dictionary<string, CommandInfo> BuildIndex()
    {
        var index = new Dictionary<string, CommandInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var command in All)
        {
            foreach (var word in command.Aliases.Prepend(command.Word))
            {
                // Fail fast at type load: two commands answering to one word is a bug, not a preference.
                if (!index.TryAdd(word, command))
                {
                    throw new InvalidOperationException($"Command word '{word}' is claimed twice.");
                }
            }
        }

        return index;
    }
}
