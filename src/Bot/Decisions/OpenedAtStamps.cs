using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Files;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Decisions;

/// <summary>
/// When a person opened the step-1 form, which is when step 1 of their kegiatan starts. The card says so itself, and a
/// card's data is whatever the client sends; so the bot signs the time it showed the card, together with the SOP and the
/// person it showed it to, and on the click believes the time only with that signature, within
/// <c>Sop:MaxFormOpenWindow</c> before the click and never after it. Anything else counts from the click.
/// </summary>
internal sealed class OpenedAtStamps(SigningKeyRing keys, SopEngine engine, TimeProvider time, IOptions<SopOptions> options)
{
    private const int TagLength = SigningKeyRing.KeyIdLength + HMACSHA256.HashSizeInBytes;

    /// <summary>The start target of a step-1 card shown now to <paramref name="personId"/>: the time (WIB) and its signature.</summary>
    public StartTarget Stamp(string definitionId, string personId)
    {
        var now = engine.Calendar.ToLocal(time.GetUtcNow());
        byte[] tag = [.. keys.CurrentId(), .. keys.Sign(SigningPurpose.CardOpenedAt, Message(definitionId, now, personId))];
        return new StartTarget(definitionId, now, Base64Url.EncodeToString(tag));
    }

    /// <summary>
    /// When step 1 starts for a click on the step-1 card of <paramref name="definitionId"/> by <paramref name="personId"/>:
    /// the card's <paramref name="openedAt"/> if <paramref name="tag"/> signs it for them, no later than now and no earlier
    /// than <c>Sop:MaxFormOpenWindow</c> before now; else now.
    /// </summary>
    public DateTimeOffset OpenedAt(string definitionId, string personId, DateTimeOffset? openedAt, string? tag)
    {
        var now = time.GetUtcNow();
        if (openedAt is not { } opened || !Verifies(definitionId, personId, opened, tag) || opened > now)
        {
            return now;
        }

        var earliest = now - options.Value.MaxFormOpenWindow;
        return opened < earliest ? earliest : opened;
    }

    private bool Verifies(string definitionId, string personId, DateTimeOffset openedAt, string? tag)
    {
        if (tag is null || !Base64Url.IsValid(tag, out var length) || length != TagLength)
        {
            return false;
        }

        var bytes = Base64Url.DecodeFromChars(tag);
        var keyId = bytes.AsSpan(0, SigningKeyRing.KeyIdLength);
        return keys.SignWith(keyId, SigningPurpose.CardOpenedAt, Message(definitionId, openedAt, personId)) is { } expected
            && CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(SigningKeyRing.KeyIdLength));
    }

    /// <summary>What is signed: the SOP, the second the card was shown (the card shows no finer), and the viewer's Entra id.</summary>
    private static byte[] Message(string definitionId, DateTimeOffset openedAt, string personId) => Encoding.UTF8.GetBytes(string.Join(
        '\n',
        definitionId,
        openedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        personId.ToUpperInvariant()));
}
