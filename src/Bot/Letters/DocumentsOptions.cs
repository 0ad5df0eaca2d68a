using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PerijinanBot.Reports.Laporan;

namespace PerijinanBot.Bot.Letters;

/// <summary>Section <c>Documents</c>: what the generated letters print besides the kegiatan and the SOP.</summary>
public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary><c>Documents:Kop</c>: the letterhead of the Laporan Kegiatan and the Lembar Disposisi.</summary>
    public KopOptions Kop { get; set; } = new();
}

/// <summary>
/// The kop surat beyond the names of the SOP header (<c>header.instansi</c> in the definition): every value optional, an
/// empty one prints nothing. The emblem is checked at start-up (a path that does not exist, or a file that is not a PNG or
/// JPEG by its bytes, stops the bot) and read once, for the first document.
/// </summary>
public sealed class KopOptions
{
    /// <summary>Path of the provincial emblem (lambang daerah), a PNG or JPEG; relative paths start at the working directory.</summary>
    public string? Emblem { get; set; }

    public string? Address { get; set; }

    public string? Telephone { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    /// <summary>The settings the documents take, the emblem read from its file (the validator has checked it).</summary>
    internal KopSettings ToSettings() => new(
        Address,
        Telephone,
        Email,
        Website,
        string.IsNullOrWhiteSpace(Emblem) ? null : KopEmblem.Read(File.ReadAllBytes(Emblem)));
}

internal sealed partial class DocumentsOptionsValidator : IValidateOptions<DocumentsOptions>
{
    /// <summary>A kop line longer than this would wrap to a third line of small print.</summary>
    private const int MaxLength = 200;

    public ValidateOptionsResult Validate(string? name, DocumentsOptions options)
    {
        var errors = new List<string>();
        var kop = options.Kop ?? new KopOptions();
        foreach (var (key, value) in new[] { ("Address", kop.Address), ("Telephone", kop.Telephone), ("Email", kop.Email), ("Website", kop.Website) })
        {
            if (value is not null && (value.Length > MaxLength || value.Any(char.IsControl)))
            {
                errors.Add($"Documents:Kop:{key} must be one line of at most {MaxLength} characters without control characters.");
            }
        }

        if (!string.IsNullOrWhiteSpace(kop.Email) && !EmailAddress().IsMatch(kop.Email.Trim()))
        {
            errors.Add($"Documents:Kop:Email must be one e-mail address, e.g. diskopukm@kalbarprov.go.id; got '{kop.Email}'.");
        }

        if (!string.IsNullOrWhiteSpace(kop.Emblem) && Emblem(kop.Emblem) is { } problem)
        {
            errors.Add(problem);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Why the emblem at <paramref name="path"/> cannot be printed, or null when it can.</summary>
    private static string? Emblem(string path)
    {
        if (!File.Exists(path))
        {
            return $"Documents:Kop:Emblem '{path}' does not exist.";
        }

        try
        {
            if (new FileInfo(path).Length > KopEmblem.MaxBytes)
            {
                return $"Documents:Kop:Emblem '{path}' is larger than 5 MB; an emblem is a small PNG or JPEG.";
            }

            KopEmblem.Read(File.ReadAllBytes(path));
            return null;
        }
        catch (InvalidDataException e)
        {
            return $"Documents:Kop:Emblem '{path}' {e.Message}.";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"Documents:Kop:Emblem '{path}' cannot be read: {e.Message}";
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();
}
