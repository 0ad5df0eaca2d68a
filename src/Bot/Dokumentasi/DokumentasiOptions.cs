using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Dokumentasi;

/// <summary>Section <c>Dokumentasi</c>: the files the Anggota sends for step 7.</summary>
public sealed class DokumentasiOptions
{
    public const string Section = "Dokumentasi";

    /// <summary>The largest file kept, in bytes; checked while downloading (a larger file is never read whole).</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>At most this many files per kegiatan: each photo is printed in the Laporan Kegiatan.</summary>
    public int MaxFilesPerKegiatan { get; set; } = 30;
}

internal sealed class DokumentasiOptionsValidator : IValidateOptions<DokumentasiOptions>
{
    /// <summary>A Teams file can be far larger, but the whole file is held in memory while it is checked and stored.</summary>
    private const long Ceiling = 100L * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, DokumentasiOptions options)
    {
        var errors = new List<string>();
        if (options.MaxFileBytes is < 1024 or > Ceiling)
        {
            errors.Add($"{DokumentasiOptions.Section}:MaxFileBytes must be between 1024 and {Ceiling} (100 MB); got {options.MaxFileBytes}.");
        }

        if (options.MaxFilesPerKegiatan is < 1 or > 200)
        {
            errors.Add($"{DokumentasiOptions.Section}:MaxFilesPerKegiatan must be between 1 and 200; got {options.MaxFilesPerKegiatan}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
