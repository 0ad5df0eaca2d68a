using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PerijinanBot.Bot.Files;

/// <summary>What a signature vouches for. Each purpose signs under its own key, derived from the configured one.</summary>
public enum SigningPurpose
{
    /// <summary>A download link: blob name and expiry (<see cref="DownloadLinks"/>).</summary>
    DownloadLink,

    /// <summary>When the bot showed a person the step-1 form of an SOP (Decisions' <c>OpenedAtStamps</c>).</summary>
    CardOpenedAt,
}

/// <summary>
/// The keys the bot signs with: <c>Files:SigningKey</c> signs, and it and every <c>Files:PreviousSigningKeys</c> entry
/// verify. Every signature names its key by an id derived from the key, so a new key can take over signing while what
/// the old one signed keeps verifying until the old key is removed from the configuration (README, "Signing keys").
/// The configured key is never used as is: each <see cref="SigningPurpose"/> gets its own key derived with HKDF, so a
/// signature made for one purpose is never valid for another.
/// </summary>
public sealed class SigningKeyRing
{
    /// <summary>Bytes of a key id: enough to tell a handful of keys apart; a clash is refused at start-up.</summary>
    public const int KeyIdLength = 4;

    private static readonly SigningPurpose[] Purposes = Enum.GetValues<SigningPurpose>();

    private readonly Key _current;
    private readonly Dictionary<uint, Key> _byId;

    /// <param name="current">The key that signs (at least 32 bytes, checked by the options validator).</param>
    /// <param name="previous">Keys that only verify.</param>
    internal SigningKeyRing(byte[] current, IEnumerable<byte[]> previous)
    {
        _current = new Key(current);
        _byId = new Dictionary<uint, Key> { [_current.Id] = _current };
        foreach (var key in previous)
        {
            var entry = new Key(key);
            if (!_byId.TryAdd(entry.Id, entry))
            {
                // The validator refuses this with the setting's name; here it guards a caller that skipped it.
                throw new ArgumentException("Two signing keys have the same key id.", nameof(previous));
            }
        }
    }

    /// <summary>The id of the key that signs, in hex: safe to log, it says nothing about the key.</summary>
    public string CurrentKeyId => Hex(_current.Id);

    /// <summary>The ids of the keys that only verify, in hex.</summary>
    public IReadOnlyList<string> PreviousKeyIds => [.. _byId.Keys.Where(id => id != _current.Id).Select(Hex)];

    /// <summary>The id of <paramref name="key"/>: the first bytes of a HKDF output under a label of its own.</summary>
    internal static byte[] IdOf(byte[] key) => HKDF.Expand(HashAlgorithmName.SHA256, key, KeyIdLength, Label("key-id"));

    /// <summary>The id of the key that signs, for a signer to put into what it signs.</summary>
    public byte[] CurrentId()
    {
        var id = new byte[KeyIdLength];
        BinaryPrimitives.WriteUInt32BigEndian(id, _current.Id);
        return id;
    }

    /// <summary>HMAC-SHA256 of <paramref name="message"/> under the current key's key for <paramref name="purpose"/>.</summary>
    public byte[] Sign(SigningPurpose purpose, ReadOnlySpan<byte> message) => HMACSHA256.HashData(_current.For(purpose), message);

    /// <summary>
    /// HMAC-SHA256 of <paramref name="message"/> under the key named by <paramref name="keyId"/>, for the verifier to compare
    /// (in constant time) with what it was given; null when no configured key has that id.
    /// </summary>
    public byte[]? SignWith(ReadOnlySpan<byte> keyId, SigningPurpose purpose, ReadOnlySpan<byte> message) =>
        keyId.Length == KeyIdLength && _byId.TryGetValue(BinaryPrimitives.ReadUInt32BigEndian(keyId), out var key)
            ? HMACSHA256.HashData(key.For(purpose), message)
            : null;

    private static byte[] Label(string purpose) => Encoding.ASCII.GetBytes("PerijinanBot " + purpose);

    private static string Label(SigningPurpose purpose) => purpose switch
    {
        SigningPurpose.DownloadLink => "download-link",
        SigningPurpose.CardOpenedAt => "card-opened-at",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
    };

    private static string Hex(uint id) => id.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class Key
    {
        private readonly Dictionary<SigningPurpose, byte[]> _derived;

        public Key(byte[] key)
        {
            Id = BinaryPrimitives.ReadUInt32BigEndian(IdOf(key));
            _derived = Purposes.ToDictionary(p => p, p => HKDF.Expand(HashAlgorithmName.SHA256, key, 32, Label(Label(p))));
        }

        public uint Id { get; }

        public byte[] For(SigningPurpose purpose) => _derived[purpose];
    }
}
