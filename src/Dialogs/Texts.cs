namespace PerijinanBot.Dialogs;

/// <summary>Sentences the bot says outside any card. Bahasa Indonesia, formal but short.</summary>
public static class Texts
{
    public const string Tagline =
        "Pendamping SOP Pelaksanaan Kegiatan Bidang Perijinan dan Kelembagaan: fasilitasi Izin Usaha Simpan Pinjam (IUSP), Izin Kantor Cabang (IKC), Izin Kantor Cabang Pembantu (IKCP) dan Izin Kantor Kas (IKK).";

    /// <summary>Said when a turn fails for a reason the person cannot fix; never the exception text.</summary>
    public const string TurnFailed =
        "Maaf, terjadi gangguan saat memproses permintaan Anda. Silakan coba beberapa saat lagi. Jika berulang, hubungi Admin.";

    public static string UnknownCommand(string text) => text.Length == 0
        ? "Ketik **bantuan** untuk melihat perintah yang tersedia."
        : $"Maaf, perintah “{Markdown.Literal(Shorten(text))}” tidak saya kenali. Ketik **bantuan** untuk melihat perintah yang tersedia.";

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
