using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace PerijinanBot.Bot.Files;

/// <summary>
/// Download links that need no sign-in: <c>{Files:PublicBaseUrl}/unduh/{token}/{fileName}</c>. The token carries the blob
/// name and an expiry, signed with HMAC-SHA256 under <c>Files:SigningKey</c> (a key derived from it for links), so a link
/// cannot be guessed, extended or pointed at another file; the blob's random id means a leaked folder name reveals nothing
/// either. The token names the signing key by its id, so a link signed before a key rotation works as long as the old key
/// is still listed in <c>Files:PreviousSigningKeys</c>.
/// </summary>
public sealed class DownloadLinks
{
    /// <summary>
    /// First byte of every payload, so a later format can coexist with links already handed out. 2: version, key id,
    /// expiry, name. Links of format 1 (one key, no key id) are refused.
    /// </summary>
    private const byte FormatVersion = 2;

    private const int KeyIdAt = 1;
    private const int ExpiryAt = KeyIdAt + SigningKeyRing.KeyIdLength;
    private const int NameAt = ExpiryAt + sizeof(long);

    /// <summary>A blob name is at most 1024 chars; anything much longer is not ours and is refused before any work.</summary>
    private const int MaxTokenLength = 8 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly SigningKeyRing _keys;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly Func<string> _baseUrl;

    internal DownloadLinks(SigningKeyRing keys, TimeProvider time, TimeSpan lifetime, Func<string> baseUrl)
    {
        _keys = keys;
        _time = time;
        _lifetime = lifetime;
        _baseUrl = baseUrl;
    }

    /// <summary>An absolute link to <paramref name="file"/>, valid for <paramref name="lifetime"/> (default <c>Files:LinkLifetime</c>).</summary>
    public Uri For(StoredFile file, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!FileNames.IsSafeBlobName(file.BlobName))
        {
            throw new ArgumentException($"'{file.BlobName}' is not a stored file's blob name.", nameof(file));
        }

        var life = lifetime ?? _lifetime;
        if (life <= TimeSpan.Zero || life > FilesOptions.MaxLinkLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), life, "A link lives longer than zero and at most 90 days.");
        }

        var token = Token(file.BlobName, _time.GetUtcNow() + life);
        return new Uri($"{_baseUrl().TrimEnd('/')}/unduh/{token}/{Uri.EscapeDataString(file.FileName)}");
    }

    /// <summary>
    /// True only for a token signed with a configured key (the current one or a previous one) that has not expired and names
    /// a well-formed blob; a false answer says nothing about which of these failed, so neither can the endpoint.
    /// </summary>
    public bool TryRead(string token, out string blobName, out DateTimeOffset expires)
    {
        blobName = "";
        expires = default;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return false;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot != token.LastIndexOf('.') || !IsBase64Url(token))
        {
            return false;
        }

        var payload = token[..dot];
        if (!Base64Url.IsValid(payload, out var length) || length < NameAt + 1)
        {
            return false;
        }

        var bytes = Base64Url.DecodeFromChars(payload);
        if (bytes[0] != FormatVersion)
        {
            return false;
        }

        // The tag covers the payload exactly as written, and is compared as text: two spellings of the same bytes
        // (base64's unused trailing bits) cannot both pass. A key id that names no configured key fails like a wrong tag.
        var keyId = bytes.AsSpan(KeyIdAt, SigningKeyRing.KeyIdLength);
        if (_keys.SignWith(keyId, SigningPurpose.DownloadLink, Encoding.ASCII.GetBytes(payload)) is not { } mac
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Base64Url.EncodeToString(mac)), Encoding.ASCII.GetBytes(token[(dot + 1)..])))
        {
            return false;
        }

        var seconds = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(ExpiryAt, sizeof(long)));
        string name;
        try
        {
            name = StrictUtf8.GetString(bytes, NameAt, bytes.Length - NameAt);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        if (seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var until = DateTimeOffset.FromUnixTimeSeconds(seconds);
        // Defence in depth: even a signed name must not be able to step out of the container through "..".
        if (until <= _time.GetUtcNow() || !FileNames.IsSafeBlobName(name))
        {
            return false;
        }

        blobName = name;
        expires = until;
        return true;
    }

    /// <summary>Signs any name and expiry without the checks of <see cref="For"/>; the tests use it to forge hostile tokens.</summary>
    internal string Token(string blobName, DateTimeOffset expires)
    {
        var name = StrictUtf8.GetBytes(blobName);
        var bytes = new byte[NameAt + name.Length];
        bytes[0] = FormatVersion;
        _keys.CurrentId().CopyTo(bytes, KeyIdAt);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(ExpiryAt), expires.ToUnixTimeSeconds());
        name.CopyTo(bytes, NameAt);
        var payload = Base64Url.EncodeToString(bytes);
        return payload + "." + Base64Url.EncodeToString(_keys.Sign(SigningPurpose.DownloadLink, Encoding.ASCII.GetBytes(payload)));
    }

    private static bool IsBase64Url(string token)
    {
        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
