using System.Globalization;

namespace PerijinanBot.Bot.Storage;

/// <summary>Row keys of a kegiatan partition. Zero-padded so that string order is version order.</summary>
internal static class KegiatanKeys
{
    public const string StateRow = "state";

    /// <summary>Keys may be 1 KiB; escaping can triple a character, so ids stay well below.</summary>
    public const int MaxIdLength = 256;

    // '|' is U+007C and '}' U+007D: [prefix + '|', prefix + '}') is exactly the rows starting with prefix + '|'.
    public const string HistoryFrom = "h|";
    public const string HistoryTo = "h}";
    public const string OutboxFrom = "o|";
    public const string OutboxTo = "o}";

    /// <summary>
    /// The outbox pass lease of the kegiatan: whoever holds it delivers the kegiatan's outbox, one pass at a time across all
    /// instances. Sorts after the outbox rows and before the state row, so the pass reads all three in one range.
    /// </summary>
    public const string PassRow = "pass";

    public static string Partition(string number) => TableKeys.Escape(number);

    public static bool IsValidId(string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= MaxIdLength;

    public static string History(int version) => string.Create(CultureInfo.InvariantCulture, $"h|{version:D6}");

    public static string Outbox(int version, int index) => string.Create(CultureInfo.InvariantCulture, $"o|{version:D6}|{index:D3}");
}
