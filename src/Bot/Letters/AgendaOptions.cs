using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Letters;

/// <summary>
/// Section <c>Agenda</c>: how the Buku Agenda Surat Keluar numbers letters that have no SRIKANDI number, as the Tata Naskah
/// Dinas writes a nomor surat: the klasifikasi code of the letter's kind (the records staff give it), the running serial of
/// the year without zero padding, the unit's code and the year.
/// </summary>
public sealed partial class AgendaOptions
{
    public const string Section = "Agenda";

    /// <summary>
    /// The number pattern. <c>{serial}</c> (required) is the year's running number, zero-padded to <see cref="SerialDigits"/>
    /// when that is more than 1; <c>{klasifikasi}</c> the code of the letter's kind (<see cref="Klasifikasi"/>); <c>{unit}</c>
    /// the <see cref="Unit"/>; <c>{tahun}</c> the year. Default <c>{klasifikasi}/{serial}/{unit}/{tahun}</c>, e.g.
    /// <c>000.8/7/DISKOPUKM.B/2026</c>.
    /// </summary>
    public string NumberPattern { get; set; } = "{klasifikasi}/{serial}/{unit}/{tahun}";

    /// <summary>Digits the serial is padded to; 0 or 1 (default 0): not padded, as the Tata Naskah Dinas writes it.</summary>
    public int SerialDigits { get; set; }

    /// <summary>The first serial of a year, for a register that did not start at 1 (e.g. continuing a paper book).</summary>
    public int FirstSerial { get; set; } = 1;

    /// <summary>The issuing unit's code in a nomor surat: the Bidang's (<c>DISKOPUKM.B</c>, as in the SOP's own number).</summary>
    public string Unit { get; set; } = "DISKOPUKM.B";

    /// <summary>
    /// The klasifikasi code per letter kind (the SOP's document ids: <c>Agenda:Klasifikasi:laporan</c>, …), as the records
    /// staff set them (<c>Agenda:Klasifikasi:undangan</c> for the Surat Undangan, 005 when not set); any other kind not listed
    /// takes <see cref="DefaultKlasifikasi"/>.
    /// </summary>
    public Dictionary<string, string> Klasifikasi { get; } = new(StringComparer.Ordinal);

    /// <summary>The klasifikasi of a letter kind not in <see cref="Klasifikasi"/>; default the SOP's own code, 000.8.</summary>
    public string DefaultKlasifikasi { get; set; } = "000.8";

    /// <summary>
    /// The klasifikasi of the kinds that have a code of their own when the office sets none: 005, the undangan code of the
    /// klasifikasi arsip many offices still number invitations with (Permendagri 78/2012). The records staff (TU) give the
    /// office's code; <c>Agenda:Klasifikasi:undangan</c> overrides this.
    /// </summary>
    private static readonly Dictionary<string, string> _builtInKlasifikasi = new(StringComparer.Ordinal)
    {
        [Reports.Agenda.AgendaDocuments.Undangan] = "005",
    };

    /// <summary>The klasifikasi code a letter of kind <paramref name="document"/> is numbered with.</summary>
    public string KlasifikasiOf(string document) =>
        Klasifikasi.GetValueOrDefault(document) ?? _builtInKlasifikasi.GetValueOrDefault(document) ?? DefaultKlasifikasi;

    /// <summary>The nomor of serial <paramref name="serial"/> of <paramref name="year"/> for a letter of kind <paramref name="document"/>.</summary>
    public string Format(int year, int serial, string document) => NumberPattern
        .Replace("{serial}", SerialDigits > 1 ? serial.ToString("D" + SerialDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : serial.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{klasifikasi}", KlasifikasiOf(document), StringComparison.Ordinal)
        .Replace("{unit}", Unit, StringComparison.Ordinal)
        .Replace("{tahun}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    internal static readonly string[] Placeholders = ["{serial}", "{klasifikasi}", "{unit}", "{tahun}"];

    [GeneratedRegex(@"\{[^{}]*\}")]
    internal static partial Regex Placeholder();

    /// <summary>A code as it may stand in a nomor surat: letters, digits, dots and dashes (no slash, which separates the parts).</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9.\-]{0,39}$")]
    internal static partial Regex Code();
}

internal sealed class AgendaOptionsValidator : IValidateOptions<AgendaOptions>
{
    public ValidateOptionsResult Validate(string? name, AgendaOptions options)
    {
        var errors = new List<string>();
        var pattern = options.NumberPattern ?? "";
        if (string.IsNullOrWhiteSpace(pattern) || !pattern.Contains("{serial}", StringComparison.Ordinal) || pattern.Length > 100)
        {
            errors.Add("Agenda:NumberPattern must contain {serial} (and may contain {klasifikasi}, {unit}, {tahun}), at most 100 characters, e.g. \"{klasifikasi}/{serial}/{unit}/{tahun}\".");
        }

        foreach (var unknown in AgendaOptions.Placeholder().Matches(pattern).Select(m => m.Value).Where(p => !AgendaOptions.Placeholders.Contains(p)).Distinct())
        {
            errors.Add($"Agenda:NumberPattern has {unknown}, which is not one of {string.Join(", ", AgendaOptions.Placeholders)}.");
        }

        if (options.SerialDigits is < 0 or > 8)
        {
            errors.Add("Agenda:SerialDigits must be between 0 and 8 (0 or 1: not padded).");
        }

        if (options.FirstSerial is < 1 or > 9_999_999)
        {
            errors.Add("Agenda:FirstSerial must be between 1 and 9999999.");
        }

        foreach (var (what, code) in options.Klasifikasi.Select(k => ($"Agenda:Klasifikasi:{k.Key}", k.Value))
            .Append(("Agenda:DefaultKlasifikasi", options.DefaultKlasifikasi)).Append(("Agenda:Unit", options.Unit)))
        {
            if (code is null || !AgendaOptions.Code().IsMatch(code))
            {
                errors.Add($"{what} must be a code of letters, digits, dots and dashes (at most 40, no slash), e.g. 000.8 or DISKOPUKM.B; got '{code}'.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
