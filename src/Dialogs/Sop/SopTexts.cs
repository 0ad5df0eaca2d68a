using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>
/// What the SOP's commands and card buttons say outside a card. A sentence that states a rule (who may start, cancel,
/// reassign, reschedule) builds it from the definition that holds the rule, so a changed SOP file changes the sentence too.
/// </summary>
public static class SopTexts
{
    /// <summary>Anyone not in the directory, for every command or card that shows or changes a kegiatan.</summary>
    public const string NotRegisteredToUse = "Anda belum terdaftar di direktori PerijinanBot, jadi belum dapat melihat atau menjalankan kegiatan. Hubungi Admin Bidang agar peran Anda dicatat.";

    public const string UnknownButton = "Tombol ini tidak dikenal oleh PerijinanBot, mungkin dari kartu versi lama. Ketik tugas untuk melihat langkah Anda, atau bantuan untuk daftar perintah.";

    public const string NotRegistered = "Anda belum terdaftar di direktori PerijinanBot, jadi belum dapat menjalankan langkah SOP. Hubungi Admin Bidang agar peran Anda dicatat.";

    /// <summary>Said when the reassignment card comes back without a new holder picked.</summary>
    public const string NewHolderNeeded = "Pilih pegawai yang akan menerima langkah ini.";

    public const string Busy = "Kegiatan ini sedang diproses oleh orang lain. Silakan coba lagi sebentar lagi.";

    /// <summary>The one sentence for a kegiatan number that names no kegiatan, in chat and on cards alike.</summary>
    public static string NotFound(string number) => $"Kegiatan {Markdown.Literal(number)} tidak ditemukan. Ketik **tugas** untuk melihat kegiatan yang menunggu Anda.";

    /// <summary><c>cari</c> found no kegiatan for the koperasi typed.</summary>
    public static string KoperasiNotFound(string query) =>
        $"Tidak ditemukan kegiatan untuk koperasi “{Markdown.Literal(Shorten(query))}”. Cari dengan awal nama koperasi (paling sedikit 3 huruf) atau NIK-nya (16 angka).";

    /// <summary><c>cari</c> without a name or NIK, or with less than 3 letters.</summary>
    public static string KoperasiQueryNeeded(string given) => given.Trim().Length == 0
        ? "Sebutkan nama koperasi (paling sedikit 3 huruf) atau NIK-nya, misalnya: **cari KSP Maju Bersama** atau **cari 6171012345678901**."
        : $"“{Markdown.Literal(Shorten(given))}” terlalu pendek. Tulis paling sedikit 3 huruf nama koperasi atau NIK-nya (16 angka).";

    /// <summary>A command that needs a kegiatan number got none, or something else: the example uses the command's own word.</summary>
    public static string NumberNeeded(CommandKind command, string given)
    {
        ArgumentNullException.ThrowIfNull(given);
        var word = CommandCatalog.All.First(c => c.Kind == command).Word;
        return given.Length == 0
            ? $"Sebutkan nomor kegiatannya, misalnya: **{word} FAS-2026-0001**."
            : $"“{Markdown.Literal(Shorten(given))}” bukan nomor kegiatan. Contoh: **{word} FAS-2026-0001**.";
    }

    /// <summary>"Kegiatan baru dimulai oleh Ketua Tim Kerja (langkah 1 SOP). …": the start step's role, from the definition.</summary>
    public static string OnlyStarterStarts(SopDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var first = definition.FirstStep;
        return $"Kegiatan baru dimulai oleh {SopPhrases.Role(definition, first)} (langkah {first.Number} SOP). Peran Anda tidak termasuk; ketik **tugas** untuk melihat langkah yang menunggu Anda.";
    }

    /// <summary>
    /// "Kegiatan hanya dapat dibatalkan oleh Ketua Tim Kerja yang memulainya atau oleh Kepala Bidang.": the definition's
    /// <see cref="SopDefinition.CancelBy"/>, each role with the way its holder is chosen.
    /// </summary>
    public static string MayNotCancel(SopDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var who = definition.CancelBy.Select(rule => rule.Rule switch
        {
            AssignmentRule.Starter => $"{ShortName(definition, rule.Role)} yang memulainya",
            AssignmentRule.AssignedAtStart => $"{ShortName(definition, rule.Role)} yang ditugaskan padanya",
            _ => ShortName(definition, rule.Role),
        }).ToList();
        return $"Kegiatan hanya dapat dibatalkan oleh {Either(who)}.";
    }

    /// <summary>
    /// "Pengalihan langkah ini hanya dapat dilakukan oleh Admin atau Kepala Bidang.": Admin and the role above the step's role,
    /// as the definition ranks them.
    /// </summary>
    public static string MayNotReassign(SopDefinition definition, int step)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var superior = definition.FindStep(step) is { } found ? SuperiorOf(definition, found.Role) : "atasan pelaksana langkah tersebut";
        return superior is null
            ? "Pengalihan langkah ini hanya dapat dilakukan oleh Admin."
            : $"Pengalihan langkah ini hanya dapat dilakukan oleh Admin atau {superior}.";
    }

    /// <summary>
    /// "Jadwal pelaksanaan hanya dapat diubah oleh Ketua Tim Kerja pelaksana kegiatan atau oleh Kepala Bidang, …": the role of
    /// the step timed from the jadwal (<see cref="RescheduleRules.ScheduledStep"/>) and the role above it.
    /// </summary>
    public static string MayNotReschedule(SopDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (RescheduleRules.ScheduledStep(definition) is not { } scheduled)
        {
            return "Jadwal tidak dapat diubah karena SOP ini tidak memiliki langkah berjadwal.";
        }

        var superior = SuperiorOf(definition, scheduled.Role) is { } name ? $" atau oleh {name}" : "";
        return $"Jadwal pelaksanaan hanya dapat diubah oleh {SopPhrases.Role(definition, scheduled)} pelaksana kegiatan{superior}, sebelum pelaksanaannya dicatat.";
    }

    private static string ShortName(SopDefinition definition, Role role) =>
        definition.Roles.FirstOrDefault(r => r.Role == role)?.ShortName ?? role.Indonesian();

    private static string? SuperiorOf(SopDefinition definition, Role role) =>
        definition.Roles.FirstOrDefault(r => r.Role == role)?.Superior is { } superior ? ShortName(definition, superior) : null;

    /// <summary>"A", "A atau oleh B", "A, B atau oleh C" (a definition names at least one).</summary>
    private static string Either(List<string> names) => names.Count <= 1
        ? string.Concat(names)
        : $"{string.Join(", ", names.Take(names.Count - 1))} atau oleh {names[^1]}";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
