using Microsoft.Extensions.Options;
using PerijinanBot.Reports.Undangan;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Letters;

/// <summary>
/// <c>Documents:Undangan</c>: the Surat Undangan drafted at the disposition. Who signs it (<see cref="Signer"/>, a role:
/// <c>kepalaDinas</c> by default, or <c>kepalaBidang</c> where the office delegates invitations to the Kabid), the position
/// printed above the signature when it is not the SOP's name of that role, and the letter's sifat, lampiran and city.
/// Checked at start-up.
/// </summary>
public sealed class UndanganOptions
{
    public const string Section = "Documents:Undangan";

    /// <summary>The role whose official signs: <c>kepalaDinas</c> (default) or <c>kepalaBidang</c>.</summary>
    public string Signer { get; set; } = "kepalaDinas";

    /// <summary>The position above the signature, e.g. "Kepala Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat"; empty: the SOP's role name.</summary>
    public string? SignerPosition { get; set; }

    public string Sifat { get; set; } = "Biasa";

    public string Lampiran { get; set; } = "-";

    /// <summary>Where the letter is written, before its date ("Pontianak, 14 Juli 2026").</summary>
    public string Kota { get; set; } = "Pontianak";

    /// <summary>The roles that may sign, as configuration spells them.</summary>
    internal static readonly Dictionary<string, Role> Signers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kepalaDinas"] = Role.KepalaDinas,
        ["kepalaBidang"] = Role.KepalaBidang,
    };

    /// <summary>The settings the document takes (the validator has checked the role).</summary>
    internal UndanganSettings ToSettings() => new(Signers[Signer.Trim()], SignerPosition, Sifat, Lampiran, Kota);
}

internal sealed class UndanganOptionsValidator : IValidateOptions<UndanganOptions>
{
    private const int MaxLength = 200;

    public ValidateOptionsResult Validate(string? name, UndanganOptions options)
    {
        var errors = new List<string>();
        if (options.Signer is null || !UndanganOptions.Signers.ContainsKey(options.Signer.Trim()))
        {
            errors.Add($"{UndanganOptions.Section}:Signer must be one of {string.Join(", ", UndanganOptions.Signers.Keys)}; got '{options.Signer}'.");
        }

        foreach (var (key, value, required) in new[]
        {
            ("SignerPosition", options.SignerPosition, false),
            ("Sifat", options.Sifat, true),
            ("Lampiran", options.Lampiran, true),
            ("Kota", options.Kota, true),
        })
        {
            if ((required && string.IsNullOrWhiteSpace(value)) || (value is not null && (value.Length > MaxLength || value.Any(char.IsControl))))
            {
                errors.Add($"{UndanganOptions.Section}:{key} must be one line of at most {MaxLength} characters without control characters{(required ? ", not empty" : "")}.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
