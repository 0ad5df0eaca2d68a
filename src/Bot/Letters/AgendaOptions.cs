using System.Globalization;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Letters;

/// <summary>Section <c>Agenda</c>: how the Buku Agenda Surat Keluar numbers letters that have no SRIKANDI number.</summary>
public sealed class AgendaOptions
{
    public const string Section = "Agenda";

    /// <summary>
    /// The office's number pattern; <c>{serial}</c> is the year's running number, zero-padded to <see cref="SerialDigits"/>,
    /// and <c>{tahun}</c> the year. Default as in the SOP's own number: <c>000.8 / {serial} / DISKOPUKM.B</c>.
    /// </summary>
    public string NumberPattern { get; set; } = "000.8 / {serial} / DISKOPUKM.B";

    public int SerialDigits { get; set; } = 4;

    /// <summary>The first serial of a year, for a register that did not start at 1 (e.g. continuing a paper book).</summary>
    public int FirstSerial { get; set; } = 1;

    public string Format(int year, int serial) => NumberPattern
        .Replace("{serial}", serial.ToString("D" + SerialDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{tahun}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

internal sealed class AgendaOptionsValidator : IValidateOptions<AgendaOptions>
{
    public ValidateOptionsResult Validate(string? name, AgendaOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.NumberPattern) || !options.NumberPattern.Contains("{serial}", StringComparison.Ordinal) || options.NumberPattern.Length > 100)
        {
            errors.Add("Agenda:NumberPattern must contain {serial} (and may contain {tahun}), at most 100 characters, e.g. \"000.8 / {serial} / DISKOPUKM.B\".");
        }

        if (options.SerialDigits is < 1 or > 8)
        {
            errors.Add("Agenda:SerialDigits must be between 1 and 8.");
        }

        if (options.FirstSerial is < 1 or > 9_999_999)
        {
            errors.Add("Agenda:FirstSerial must be between 1 and 9999999.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
