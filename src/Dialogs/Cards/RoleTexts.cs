namespace PerijinanBot.Dialogs.Cards;

/// <summary>
/// What the <c>peran</c> command says outside its card, and why a sync of the role groups changed nothing: the cause in
/// words an Admin can act on and, where there is one, the setting to check. Never exception text.
/// </summary>
public static class RoleTexts
{
    public const string AdminOnly =
        "Maaf, hanya Admin yang dapat menjalankan **peran sinkron**. Ketik **peran** untuk melihat pemegang peran saat ini.";

    public const string NotConfigured =
        "Peran di bot ini diambil dari konfigurasi (bagian Directory), bukan dari grup Entra ID, jadi tidak ada yang perlu disinkronkan. "
        + "Untuk memakai grup Entra ID, isi Graph:RoleGroups:‹Peran› dengan id grupnya.";

    public const string MembersUnusable = "Data anggota grup dari Entra ID tidak dapat dipakai (misalnya nama atau UPN kosong); rinciannya ada di log bot.";

    public const string TokenUnavailable =
        "Token aplikasi untuk Microsoft Graph tidak dapat diperoleh dari Entra ID; periksa Graph:TenantId, Graph:ClientId dan Graph:ClientSecret.";

    public const string GraphUnreachable = "Microsoft Graph tidak dapat dihubungi (jaringan terputus atau server tidak menjawab).";

    public static string SyncFailed(string reason) =>
        $"Sinkronisasi peran dari grup Entra ID gagal, jadi daftar pemegang peran tetap seperti sebelumnya. Penyebab: {reason}";

    public static string SyncBusy(int seconds) => $"Sinkronisasi lain masih berjalan dan belum selesai dalam {seconds} detik.";

    public static string GraphTimeout(int seconds) => $"Microsoft Graph tidak menjawab dalam {seconds} detik.";

    /// <summary>Reading a group failed in a way not named here; <paramref name="role"/> and <paramref name="groupId"/> say which group, when known.</summary>
    public static string ReadFailed(string? role, string? groupId) => $"Terjadi galat saat membaca anggota grup{Where(role, groupId)}; rinciannya ada di log bot.";

    /// <summary>Graph answered with an error status; <paramref name="detail"/> is the status and Graph's error code.</summary>
    public static string GraphRefused(int status, string detail, string? role, string? groupId)
    {
        var where = Where(role, groupId);
        return status switch
        {
            401 => $"Microsoft Graph menolak token aplikasi ({detail}).",
            403 => $"Aplikasi bot tidak diizinkan membaca anggota grup{where}; berikan izin aplikasi GroupMember.Read.All dan User.Read.All ({detail}).",
            404 => $"Grup{where} tidak ditemukan di Entra ID; periksa id grup pada Graph:RoleGroups ({detail}).",
            429 => $"Microsoft Graph sedang membatasi permintaan ({detail}); coba lagi beberapa menit lagi.",
            >= 500 => $"Microsoft Graph sedang bermasalah ({detail}); coba lagi nanti.",
            _ => $"Microsoft Graph menolak permintaan{where} ({detail}).",
        };
    }

    private static string Where(string? role, string? groupId) => role is null ? "" : $" (grup peran {role}, id {groupId})";
}
