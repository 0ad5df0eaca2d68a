using System.Text.Json.Serialization;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Engine;

/// <summary>Why a stand-in acts for an official: the two appointments the office makes by Surat Perintah.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<StandInKind>))]
public enum StandInKind
{
    /// <summary>Plh. (Pelaksana Harian): the official is temporarily absent (leave, travel, illness).</summary>
    Absence,

    /// <summary>Plt. (Pelaksana Tugas): the position is vacant.</summary>
    Vacancy,
}

/// <summary>How a stand-in is named where people read it, and who may appoint one.</summary>
public static class StandInRules
{
    /// <summary>"Plh." or "Plt.".</summary>
    public static string Abbreviation(StandInKind kind) => kind == StandInKind.Vacancy ? "Plt." : "Plh.";

    /// <summary>What the stand-in acts as: "Plh. Kepala Bidang Perijinan dan Kelembagaan".</summary>
    public static string Title(StandInKind kind, string position) => $"{Abbreviation(kind)} {position}";

    /// <summary>
    /// The basis as the office cites it: "Surat Perintah Nomor 800/12/DISKOPUKM.B/2026 tanggal 3 Desember 2026". An appointment
    /// stored before the date was asked for keeps its free text (e.g. "ST 800/12/2026").
    /// </summary>
    public static string Basis(string nomor, DateOnly? tanggal) =>
        tanggal is { } date ? $"Surat Perintah Nomor {nomor} tanggal {WibFormat.PlainDate(date)}" : nomor;

    /// <summary>
    /// The official's position: their jabatan from the directory, else the name of their highest SOP role (as
    /// <paramref name="definition"/> writes it, or as the SOP text does).
    /// </summary>
    public static string PositionOf(Person official, SopDefinition? definition = null)
    {
        ArgumentNullException.ThrowIfNull(official);
        if (!string.IsNullOrWhiteSpace(official.Jabatan))
        {
            return official.Jabatan;
        }

        return HighestRole(official) is { } role
            ? definition?.Roles.FirstOrDefault(r => r.Role == role)?.Name ?? role.Indonesian()
            : official.Name;
    }

    /// <summary>The SOP role above the official's highest role (null for the top of the SOP, or for no SOP role).</summary>
    public static Role? SuperiorRoleOf(Person official, SopDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return HighestRole(official) is { } role ? definition.Roles.FirstOrDefault(r => r.Role == role)?.Superior : null;
    }

    /// <summary>
    /// An official's Plh. or Plt. is appointed by their superior (a holder of the role above theirs in the SOP) or by an Admin,
    /// never by the official themself.
    /// </summary>
    public static bool MayAppoint(Person appointer, Person official, SopDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(appointer);
        ArgumentNullException.ThrowIfNull(official);
        if (string.Equals(appointer.AadObjectId, official.AadObjectId, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return appointer.Holds(Role.Admin) || SuperiorRoleOf(official, definition) is { } superior && appointer.Holds(superior);
    }

    private static Role? HighestRole(Person official) => RoleNames.Pelaksana.Where(official.Holds).Select(r => (Role?)r).LastOrDefault();
}
