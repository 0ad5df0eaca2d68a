using Microsoft.Extensions.Options;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.People;

/// <summary>The <c>Directory</c> configuration section: who is who in the Bidang.</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Directory";

    public List<DirectoryUserOptions> Users { get; set; } = [];
}

public sealed class DirectoryUserOptions
{
    public string? AadObjectId { get; set; }
    public string? Name { get; set; }
    public string? Upn { get; set; }
    public List<string> Roles { get; set; } = [];

    /// <summary>Position as printed under a signature in the Laporan Kegiatan.</summary>
    public string? Jabatan { get; set; }

    /// <summary>Nomor Induk Pegawai, printed under the signature.</summary>
    public string? Nip { get; set; }

    internal DirectoryEntry ToEntry() => new(AadObjectId, Name, Upn, Roles, Jabatan, Nip);
}

internal sealed class DirectoryOptionsValidator : IValidateOptions<DirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectoryOptions options)
    {
        var result = PeopleDirectory.Create(options.Users.Select(u => u.ToEntry()));
        return result.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(result.Errors);
    }
}

internal static class DirectorySetup
{
    public static IServiceCollection AddPeopleDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectoryOptions>().Bind(configuration.GetSection(DirectoryOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectoryOptions>, DirectoryOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DirectoryOptions>>().Value;
            var directory = PeopleDirectory.Create(options.Users.Select(u => u.ToEntry())).Directory!;
            var vacant = directory.VacantRoles();
            if (vacant.Count > 0)
            {
                Log.VacantRoles(sp.GetRequiredService<ILogger<PeopleDirectory>>(), string.Join(", ", vacant));
            }

            return directory;
        });
        services.AddSingleton<StaffingSource>();
        return services;
    }
}
