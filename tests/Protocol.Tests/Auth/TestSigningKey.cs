using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace PerijinanBot.Protocol.Tests.Auth;

/// <summary>A locally generated RSA signing key, published (or not) by <see cref="LocalOpenIdServer"/>.</summary>
internal sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa;

    private TestSigningKey(string keyId, IReadOnlyList<string>? endorsements, RSA rsa)
    {
        KeyId = keyId;
        Endorsements = endorsements;
        _rsa = rsa;
        SecurityKey = new RsaSecurityKey(rsa) { KeyId = keyId };
    }

    public string KeyId { get; }

    /// <summary>The JWKS <c>endorsements</c> array; null leaves the property out of the JWK.</summary>
    public IReadOnlyList<string>? Endorsements { get; }

    /// <summary>The private key, with <see cref="KeyId"/> set so that tokens carry it as <c>kid</c>.</summary>
    public RsaSecurityKey SecurityKey { get; }

    /// <summary>A channel key, endorsed by default for msteams as Bot Framework's keys are.</summary>
    public static TestSigningKey Create(params string[] endorsements) =>
        new(NewKeyId(), endorsements.Length == 0 ? ["msteams"] : endorsements, RSA.Create(2048));

    /// <summary>A key whose JWK has no endorsements property (as Entra ID's keys).</summary>
    public static TestSigningKey WithoutEndorsements() => new(NewKeyId(), null, RSA.Create(2048));

    /// <summary>A different private key claiming this key's kid: what a forger would sign with.</summary>
    public TestSigningKey Impostor() => new(KeyId, Endorsements, RSA.Create(2048));

    public SigningCredentials Credentials(string algorithm = SecurityAlgorithms.RsaSha256) => new(SecurityKey, algorithm);

    /// <summary>The public JWK as the metadata servers publish it.</summary>
    public JsonObject ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => JsonValue.Create(e))]);
        }

        return jwk;
    }

    public void Dispose() => _rsa.Dispose();

    private static string NewKeyId() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(15));
}
