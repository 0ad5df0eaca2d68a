using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Files;

/// <summary>Section <c>Files</c>: where generated files are kept and how their download links are built and signed.</summary>
public sealed class FilesOptions
{
    public const string Section = "Files";

    internal static readonly TimeSpan MinLinkLifetime = TimeSpan.FromMinutes(1);
    internal static readonly TimeSpan MaxLinkLifetime = TimeSpan.FromDays(90);

    /// <summary>Minimum length of the signing key: the size of an HMAC-SHA256 tag; a shorter key would be the weakest link.</summary>
    internal const int MinKeyBytes = 32;

    /// <summary>The private blob container that holds every generated file (created on first use).</summary>
    public string ContainerName { get; set; } = "perijinan-files";

    /// <summary>How long a download link works after it is handed out.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The absolute URL at which users' browsers reach the bot (e.g. <c>https://perijinanbot.azurewebsites.net</c>).
    /// Required, and https, outside Development (the link is the credential); there it defaults to the first address
    /// the host listens on.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Base64 of at least 32 random bytes; signs the links and the opening time of start cards. Required outside
    /// Development.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Keys that signed before <see cref="SigningKey"/>: what they signed is still accepted, they sign nothing new. Keep one
    /// for <see cref="LinkLifetime"/> (or <c>Sop:MaxFormOpenWindow</c>, if longer) after it stopped signing, then remove it
    /// (README, "Signing keys").
    /// </summary>
    public List<string> PreviousSigningKeys { get; set; } = [];
}

internal sealed partial class FilesOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<FilesOptions>
{
    public ValidateOptionsResult Validate(string? name, FilesOptions options)
    {
        var errors = new List<string>();
        var section = FilesOptions.Section;

        if (options.ContainerName is null || !ContainerName().IsMatch(options.ContainerName))
        {
            errors.Add($"{section}:ContainerName must be a blob container name: 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit; got '{options.ContainerName}'.");
        }

        if (options.LinkLifetime < FilesOptions.MinLinkLifetime || options.LinkLifetime > FilesOptions.MaxLinkLifetime)
        {
            errors.Add($"{section}:LinkLifetime must be between 1 minute and 90 days (e.g. 7.00:00:00); got {options.LinkLifetime}.");
        }

        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            if (!environment.IsDevelopment())
            {
                errors.Add($"{section}:PublicBaseUrl is required in the {environment.EnvironmentName} environment: the absolute https URL at which users' browsers reach the bot (e.g. https://perijinanbot.azurewebsites.net); download links are built on it.");
            }
        }
        else if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            errors.Add($"{section}:PublicBaseUrl must be an absolute http or https URL without query, fragment or user info (e.g. https://perijinanbot.azurewebsites.net); got '{options.PublicBaseUrl}'.");
        }
        else if (url.Scheme != Uri.UriSchemeHttps && !environment.IsDevelopment())
        {
            // A link is a bearer credential: over plain http every proxy on the way could read and reuse it.
            errors.Add($"{section}:PublicBaseUrl must be an https URL in the {environment.EnvironmentName} environment (plain http only in Development): a download link is a credential; got '{options.PublicBaseUrl}'.");
        }

        SigningKeyProblems(options, errors);

        if (BlobEndpointProblem(configuration["Storage:ConnectionString"]) is { } problem)
        {
            errors.Add(problem);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>
    /// The signing key and the previous keys: each base64 of at least 32 bytes, and no key listed twice (which is also how
    /// two keys with the same key id would show). Messages name the setting, never its value: a key is a secret even
    /// when malformed.
    /// </summary>
    private void SigningKeyProblems(FilesOptions options, List<string> errors)
    {
        var section = FilesOptions.Section;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            if (!environment.IsDevelopment())
            {
                errors.Add($"{section}:SigningKey is required in the {environment.EnvironmentName} environment: base64 of at least {FilesOptions.MinKeyBytes} random bytes (e.g. `openssl rand -base64 32`); it signs the download links.");
            }
        }
        else
        {
            CheckKey($"{section}:SigningKey", options.SigningKey, ids, errors);
        }

        if (!string.IsNullOrWhiteSpace(configuration[$"{section}:PreviousSigningKeys"]))
        {
            // A single value where a list belongs is silently ignored by the binder, and the old links would die with it.
            errors.Add($"{section}:PreviousSigningKeys is a list: give each key its own index ({section}:PreviousSigningKeys:0, or {section}__PreviousSigningKeys__0 as an environment variable).");
        }

        for (var i = 0; i < options.PreviousSigningKeys.Count; i++)
        {
            // A blank entry (a value emptied rather than deleted) is no key at all.
            if (!string.IsNullOrWhiteSpace(options.PreviousSigningKeys[i]))
            {
                CheckKey($"{section}:PreviousSigningKeys:{i}", options.PreviousSigningKeys[i], ids, errors);
            }
        }
    }

    private static void CheckKey(string setting, string value, Dictionary<string, string> ids, List<string> errors)
    {
        if (SigningKeyBytes(value) is not { } key)
        {
            errors.Add($"{setting} is not valid base64; expected base64 of at least {FilesOptions.MinKeyBytes} random bytes (e.g. `openssl rand -base64 32`).");
        }
        else if (key.Length < FilesOptions.MinKeyBytes)
        {
            errors.Add($"{setting} is {key.Length} bytes long; it must be at least {FilesOptions.MinKeyBytes} bytes (base64 of random bytes, e.g. `openssl rand -base64 32`).");
        }
        else if (Convert.ToHexString(SigningKeyRing.IdOf(key)) is var id && !ids.TryAdd(id, setting))
        {
            errors.Add($"{setting} is the same key as {ids[id]} (or has the same key id): list each key once, and generate a new key for a rotation.");
        }
    }

    /// <summary>The configured keys that sign (first) and verify, as bytes; blank previous entries are skipped.</summary>
    internal static (byte[]? Current, IReadOnlyList<byte[]> Previous) SigningKeys(FilesOptions options) => (
        string.IsNullOrWhiteSpace(options.SigningKey) ? null : SigningKeyBytes(options.SigningKey),
        [.. options.PreviousSigningKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => SigningKeyBytes(k)!)]);

    internal static byte[]? SigningKeyBytes(string value)
    {
        var trimmed = value.Trim();
        var buffer = new byte[trimmed.Length];
        return Convert.TryFromBase64String(trimmed, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>The table check accepts a connection string with only a TableEndpoint; files need the blob service too.</summary>
    private static string? BlobEndpointProblem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            // The Storage section's own validator names this.
            return null;
        }

        try
        {
            _ = new BlobServiceClient(connectionString);
            return null;
        }
        // The SDK throws NullReferenceException when it can derive no blob endpoint at all (e.g. a table-only SAS string).
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or NullReferenceException)
        {
            // The parser's message may quote the account key; say only what is missing.
            return "Storage:ConnectionString names no usable blob endpoint, which generated files need (BlobEndpoint=... or DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...).";
        }
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerName();
}
