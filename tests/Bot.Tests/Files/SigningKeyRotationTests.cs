using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PerijinanBot.Bot.Files;

namespace PerijinanBot.Bot.Tests.Files;

/// <summary>
/// Rotating <c>Files:SigningKey</c> as the README tells an operator to: the old key moves to
/// <c>Files:PreviousSigningKeys</c>, its links keep working, and once it is removed they stop; and the checks of those
/// settings at start-up. Each ring is built from settings exactly as the host binds them; no storage is needed to read a
/// token.
/// </summary>
public sealed class SigningKeyRotationTests
{
    /// <summary>Test keys only, fixed so that a failure can be replayed.</summary>
    private static readonly string OldKey = TestKey(3);

    private static readonly string NewKey = TestKey(5);

    private static readonly string StrangerKey = TestKey(9);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void After_a_rotation_a_link_of_the_old_key_still_opens_and_once_the_old_key_is_removed_it_does_not()
    {
        using var before = Host(("Files:SigningKey", OldKey));
        using var rotated = Host(("Files:SigningKey", NewKey), ("Files:PreviousSigningKeys:0", OldKey));
        using var afterwards = Host(("Files:SigningKey", NewKey));
        var oldLink = Links(before).Token("laporan/FAS-2026-0001/a1/laporan.pdf", _time.GetUtcNow().AddDays(7));
        var newLink = Links(rotated).Token("laporan/FAS-2026-0001/b2/laporan.pdf", _time.GetUtcNow().AddDays(7));

        Assert.True(Links(rotated).TryRead(oldLink, out var blobName, out _));
        Assert.Equal("laporan/FAS-2026-0001/a1/laporan.pdf", blobName);
        Assert.False(Links(afterwards).TryRead(oldLink, out _, out _));

        // The rotated bot signs with the new key only: its links outlive the old key, and the old bot knows nothing of them.
        Assert.True(Links(afterwards).TryRead(newLink, out _, out _));
        Assert.False(Links(before).TryRead(newLink, out _, out _));
        Assert.Equal(Ring(afterwards).CurrentKeyId, Ring(rotated).CurrentKeyId);
        Assert.Equal([Ring(before).CurrentKeyId], Ring(rotated).PreviousKeyIds);
    }

    [Fact]
    public void A_key_id_changed_to_another_configured_key_or_to_an_unknown_one_is_refused()
    {
        using var rotated = Host(("Files:SigningKey", NewKey), ("Files:PreviousSigningKeys:0", OldKey));
        using var before = Host(("Files:SigningKey", OldKey));
        var links = Links(rotated);
        var token = links.Token("laporan/FAS-2026-0002/c3/laporan.pdf", _time.GetUtcNow().AddDays(1));
        Assert.True(links.TryRead(token, out _, out _));

        Assert.False(links.TryRead(WithPayload(token, p => Ring(before).CurrentId().CopyTo(p, 1)), out _, out _));
        Assert.False(links.TryRead(WithPayload(token, p => BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(1), 0xDEADBEEF)), out _, out _));

        // A stranger's key signs a token naming the current key's id: the id picks the key, the key decides.
        using var stranger = Host(("Files:SigningKey", StrangerKey));
        var forged = WithPayload(Links(stranger).Token("laporan/FAS-2026-0002/c3/laporan.pdf", _time.GetUtcNow().AddDays(1)), p => Ring(rotated).CurrentId().CopyTo(p, 1));
        Assert.False(links.TryRead(Resign(forged, StrangerKey), out _, out _));
    }

    [Fact]
    public void A_payload_changed_under_its_tag_is_refused_whichever_key_signed_it()
    {
        using var rotated = Host(("Files:SigningKey", NewKey), ("Files:PreviousSigningKeys:0", OldKey));
        using var before = Host(("Files:SigningKey", OldKey));
        foreach (var signer in new[] { rotated, before })
        {
            var token = Links(signer).Token("laporan/FAS-2026-0003/d4/laporan.pdf", _time.GetUtcNow().AddMinutes(10));
            Assert.True(Links(rotated).TryRead(token, out _, out _));

            var later = WithPayload(token, p => BinaryPrimitives.WriteInt64BigEndian(p.AsSpan(5), _time.GetUtcNow().AddDays(90).ToUnixTimeSeconds()));
            var elsewhere = WithPayload(token, p => p[^5] = (byte)'x');
            Assert.False(Links(rotated).TryRead(later, out _, out _));
            Assert.False(Links(rotated).TryRead(elsewhere, out _, out _));
        }
    }

    [Fact]
    public void A_link_in_the_format_before_key_ids_is_refused()
    {
        using var host = Host(("Files:SigningKey", OldKey));
        // Format 1: version, expiry, name; HMAC-SHA256 under the configured key itself.
        var name = Encoding.UTF8.GetBytes("laporan/FAS-2026-0004/e5/laporan.pdf");
        var bytes = new byte[1 + sizeof(long) + name.Length];
        bytes[0] = 1;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), _time.GetUtcNow().AddDays(7).ToUnixTimeSeconds());
        name.CopyTo(bytes, 1 + sizeof(long));
        var payload = Base64Url.EncodeToString(bytes);
        var legacy = payload + "." + Base64Url.EncodeToString(HMACSHA256.HashData(Convert.FromBase64String(OldKey), Encoding.ASCII.GetBytes(payload)));

        Assert.False(Links(host).TryRead(legacy, out _, out _));
    }

    [Fact]
    public void Each_purpose_signs_under_its_own_key_and_none_under_the_configured_key_itself()
    {
        using var host = Host(("Files:SigningKey", OldKey));
        var message = Encoding.ASCII.GetBytes("the same bytes");

        var link = Ring(host).Sign(SigningPurpose.DownloadLink, message);
        var stamp = Ring(host).Sign(SigningPurpose.CardOpenedAt, message);

        Assert.NotEqual(link, stamp);
        Assert.NotEqual(HMACSHA256.HashData(Convert.FromBase64String(OldKey), message), link);
        Assert.NotEqual(HMACSHA256.HashData(Convert.FromBase64String(OldKey), message), stamp);
        Assert.Equal(stamp, Ring(host).SignWith(Ring(host).CurrentId(), SigningPurpose.CardOpenedAt, message));
    }

    [Theory]
    [InlineData("Development", "http://localhost:3978", true)]
    [InlineData("Development", "https://perijinanbot.example", true)]
    [InlineData("Production", "https://perijinanbot.example", true)]
    [InlineData("Production", "http://perijinanbot.example", false)]
    [InlineData("Staging", "http://perijinanbot-staging.example", false)]
    public void Outside_Development_the_public_url_must_be_https(string environment, string url, bool starts)
    {
        using var host = Host(environment, ("Files:SigningKey", OldKey), ("Files:PublicBaseUrl", url));

        var problems = Problems(host);

        Assert.Equal(starts, problems.Count == 0);
        if (!starts)
        {
            Assert.Contains(problems, p => p.StartsWith($"Files:PublicBaseUrl must be an https URL in the {environment} environment", StringComparison.Ordinal));
        }
    }

    public static TheoryData<(string, string?)[], string> BadKeys => new()
    {
        { [("Files:PreviousSigningKeys:0", "not base64 at all!")], "Files:PreviousSigningKeys:0 is not valid base64" },
        { [("Files:PreviousSigningKeys:0", OldKey), ("Files:PreviousSigningKeys:1", "c2hvcnQ=")], "Files:PreviousSigningKeys:1 is 5 bytes long; it must be at least 32 bytes" },
        { [("Files:PreviousSigningKeys:0", NewKey)], "Files:PreviousSigningKeys:0 is the same key as Files:SigningKey" },
        { [("Files:PreviousSigningKeys:0", OldKey), ("Files:PreviousSigningKeys:1", " " + OldKey)], "Files:PreviousSigningKeys:1 is the same key as Files:PreviousSigningKeys:0" },
        { [("Files:PreviousSigningKeys", OldKey)], "Files:PreviousSigningKeys is a list: give each key its own index" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void Bad_previous_keys_stop_the_bot_naming_the_setting_and_never_the_key((string, string?)[] settings, string expected)
    {
        using var host = Host([("Files:SigningKey", NewKey), .. settings]);

        var problems = Problems(host);

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
        foreach (var (_, value) in settings)
        {
            Assert.DoesNotContain(problems, p => p.Contains(value!.Trim(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_blank_previous_key_is_no_key()
    {
        using var host = Host(("Files:SigningKey", NewKey), ("Files:PreviousSigningKeys:0", ""), ("Files:PreviousSigningKeys:1", OldKey));

        Assert.Empty(Problems(host));
        Assert.Single(Ring(host).PreviousKeyIds);
    }

    private ServiceProvider Host(params (string Key, string? Value)[] settings) => Host("Production", settings);

    private ServiceProvider Host(string environment, params (string Key, string? Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["Files:PublicBaseUrl"] = "https://perijinanbot.example" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new NamedEnvironment(environment))
            .AddSingleton<TimeProvider>(_time);
        return services.AddFiles(configuration).BuildServiceProvider();
    }

    private static DownloadLinks Links(ServiceProvider host) => host.GetRequiredService<DownloadLinks>();

    private static SigningKeyRing Ring(ServiceProvider host) => host.GetRequiredService<SigningKeyRing>();

    private static List<string> Problems(ServiceProvider host)
    {
        try
        {
            _ = host.GetRequiredService<IOptions<FilesOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
    }

    /// <summary>The token with its payload bytes changed and its tag kept.</summary>
    private static string WithPayload(string token, Action<byte[]> change)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var bytes = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
        change(bytes);
        return Base64Url.EncodeToString(bytes) + token[dot..];
    }

    /// <summary>The token's payload signed again the way the bot signs links, under <paramref name="key"/>.</summary>
    private static string Resign(string token, string key)
    {
        var payload = token[..token.IndexOf('.', StringComparison.Ordinal)];
        var ring = new SigningKeyRing(Convert.FromBase64String(key), []);
        return payload + "." + Base64Url.EncodeToString(ring.Sign(SigningPurpose.DownloadLink, Encoding.ASCII.GetBytes(payload)));
    }

    private static string TestKey(int step) => Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * step)).ToArray());

    private sealed class NamedEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "PerijinanBot.Bot.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
