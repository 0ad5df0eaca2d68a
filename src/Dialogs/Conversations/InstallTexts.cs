namespace PerijinanBot.Dialogs.Conversations;

/// <summary>
/// Why the bot could not install itself for a person, so a card could not reach them: the reason the undeliverable notice
/// gives after "belum dapat dikirim kepada ‹nama›:".
/// </summary>
public static class InstallTexts
{
    public const string NotInCatalog = "aplikasi PerijinanBot belum ada di katalog aplikasi organisasi (minta admin Teams mengunggahnya)";

    public const string Forbidden = "bot belum diberi izin memasang aplikasi Teams (izin Graph TeamsAppInstallation.ReadWriteSelfForUser.All)";

    public const string UnknownUser = "akun pegawai tersebut tidak ditemukan di Microsoft Entra ID";

    public const string Unreachable = "layanan Microsoft Graph sedang tidak dapat dihubungi";
}
