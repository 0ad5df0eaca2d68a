using System.Text.Json.Nodes;
using PerijinanBot.Sop;

namespace PerijinanBot.Dialogs.Cards;

/// <param name="Role">The role's Indonesian name.</param>
/// <param name="Holders">Names of the people who hold it; empty when nobody does.</param>
public sealed record RoleHolders(string Role, IReadOnlyList<string> Holders);

/// <summary>Where the roles on the <c>peran</c> card come from.</summary>
/// <param name="SyncedRoles">Indonesian names of the roles read from Entra ID groups; empty when every role comes from configuration.</param>
/// <param name="LastSyncedAt">When the groups were last read successfully (here or before a restart); null when never.</param>
/// <param name="LastFailure">Why the latest attempt failed, when it failed after the last success (Indonesian, for the person).</param>
public sealed record RolesSource(IReadOnlyList<string> SyncedRoles, DateTimeOffset? LastSyncedAt = null, string? LastFailure = null)
{
    public static RolesSource Configuration { get; } = new([]);
}

/// <summary>One synced role after <c>peran sinkron</c>: how many hold it now, who joined and who left.</summary>
public sealed record RoleSyncChange(string Role, int Holders, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

/// <param name="SyncedAt">When the groups were read.</param>
/// <param name="Roles">Every synced role, in the SOP's order.</param>
/// <param name="Flagged">Open steps of people who left a role, reported to the superior during this sync.</param>
/// <param name="Waiting">Such reports that could not be delivered yet (sent again at the next sync).</param>
public sealed record RoleSyncView(DateTimeOffset SyncedAt, IReadOnlyList<RoleSyncChange> Roles, int Flagged, int Waiting);

/// <summary>An open step still held by someone who no longer holds its role, as told to the superior (or to the Admins).</summary>
/// <param name="Superior">The Indonesian name of the role above the step's role; null when the SOP puts none above it.</param>
/// <param name="ToAdmins">True when nobody holds the superior role, so the Admins are told instead.</param>
public sealed record LeftRoleView(string Number, string? Judul, int Step, string StepTitle, string Role, string Person, string? Superior, bool ToAdmins);

public static class RolesCard
{
    public const string SyncTitle = "Sinkronisasi peran selesai";
    public const string LeftRoleTitle = "Langkah perlu dialihkan";

    public static JsonObject Build(IReadOnlyList<RoleHolders> roles, RolesSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var body = new List<JsonNode>
        {
            CardElements.Text("Pemegang peran", TextStyle.Title),
            CardElements.Text("Bidang Perijinan dan Kelembagaan, Dinas Koperasi UKM Provinsi Kalimantan Barat", TextStyle.Subtle),
            CardElements.Facts(roles.Select(r => (r.Role, r.Holders.Count == 0 ? "— belum ada —" : string.Join(", ", r.Holders)))),
        };
        var vacant = roles.Where(r => r.Holders.Count == 0).Select(r => r.Role).ToList();
        if (vacant.Count > 0)
        {
            body.Add(CardElements.Text($"Peran tanpa pemegang: {string.Join(", ", vacant)}. Langkah SOP untuk peran ini akan tertahan; hubungi Admin.", TextStyle.Warning));
        }

        if (source is not null)
        {
            body.Add(CardElements.Text(SourceLine(source, roles.Count), TextStyle.Subtle));
            if (source.SyncedRoles.Count > 0 && source.LastFailure is { } failure)
            {
                body.Add(CardElements.Text($"Sinkronisasi terakhir gagal: {failure} Daftar di atas {(source.LastSyncedAt is null ? "diambil dari konfigurasi bot" : "dari sinkronisasi sebelumnya")}.", TextStyle.Warning));
            }
        }

        return CardElements.Card(body);
    }

    /// <summary>The answer to <c>peran sinkron</c>: per synced role how many hold it now, who was added and who was removed.</summary>
    public static JsonObject Synced(RoleSyncView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>
        {
            CardElements.Text(SyncTitle, TextStyle.Title),
            CardElements.Text($"Dari grup Entra ID, {WibFormat.DateTime(view.SyncedAt)}", TextStyle.Subtle),
            CardElements.Facts(view.Roles.Select(r => (r.Role, Change(r)))),
        };
        if (view.Flagged > 0)
        {
            body.Add(CardElements.Text($"{view.Flagged} langkah yang masih dipegang pegawai yang tidak lagi memegang perannya telah diberitahukan kepada atasannya untuk dialihkan."));
        }

        if (view.Waiting > 0)
        {
            body.Add(CardElements.Text($"{view.Waiting} pemberitahuan pengalihan belum dapat dikirim (penerimanya belum dapat dihubungi bot, atau tidak ada pemegang peran atasan maupun Admin); akan dicoba lagi pada sinkronisasi berikutnya.", TextStyle.Warning));
        }

        body.Add(AcActions(CardElements.CommandButton("Lihat pemegang peran", "peran")));
        return CardElements.Card(body);
    }

    /// <summary>To the superior (or the Admins): a step is held by someone who left its role; reassign it.</summary>
    public static JsonObject LeftRole(LeftRoleView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var command = $"alihkan {view.Number}";
        var lines = new List<JsonNode>
        {
            CardElements.Text($"{view.Person} tidak lagi memegang peran {view.Role} menurut grup Entra ID, tetapi masih tercatat sebagai pelaksana langkah {view.Step} ({view.StepTitle}) kegiatan {view.Number}."),
            CardElements.Text($"Agar kegiatan tidak tertahan, alihkan langkah ini kepada pegawai lain yang memegang peran {view.Role}: ketik **{command}** atau tekan tombol Alihkan."),
        };
        if (view.ToAdmins)
        {
            lines.Add(CardElements.Text(view.Superior is { } superior
                ? $"Pemberitahuan ini dikirim kepada Admin karena peran atasannya ({superior}) saat ini tidak dipegang siapa pun."
                : $"Pemberitahuan ini dikirim kepada Admin karena peran {view.Role} tidak memiliki atasan dalam SOP."));
        }

        var body = new List<JsonNode>
        {
            CardElements.Text(LeftRoleTitle, TextStyle.Title),
            new JsonObject { ["type"] = "Container", ["style"] = "warning", ["items"] = new JsonArray([.. lines]) },
            CardElements.Facts(
            [
                ("Kegiatan", view.Judul is { Length: > 0 } judul ? $"{view.Number} — {Markdown.Literal(judul)}" : view.Number),
                ("Langkah", $"{view.Step}. {view.StepTitle}"),
                ("Pelaksana tercatat", view.Person),
            ]),
            AcActions(CardElements.CommandButton("Alihkan", command), CardElements.CommandButton("Lihat status", $"status {view.Number}")),
        };
        return CardElements.Card(body);
    }

    private static string SourceLine(RolesSource source, int roleCount)
    {
        if (source.SyncedRoles.Count == 0)
        {
            return "Sumber: konfigurasi bot (bagian Directory).";
        }

        var synced = string.Join(", ", source.SyncedRoles);
        var others = source.SyncedRoles.Count < roleCount ? "; peran lain dari konfigurasi bot" : "";
        return source.LastSyncedAt is { } at
            ? $"Sumber: grup Entra ID untuk {synced}{others}. Terakhir disinkronkan {WibFormat.DateTime(at)}."
            : $"Sumber: grup Entra ID untuk {synced}{others}, tetapi belum pernah berhasil disinkronkan; sementara ini dari konfigurasi bot.";
    }

    private static string Change(RoleSyncChange role)
    {
        var parts = new List<string> { $"{role.Holders} orang" };
        if (role.Added.Count > 0)
        {
            parts.Add($"ditambahkan: {string.Join(", ", role.Added)}");
        }

        if (role.Removed.Count > 0)
        {
            parts.Add($"dikeluarkan: {string.Join(", ", role.Removed)}");
        }

        if (role.Added.Count == 0 && role.Removed.Count == 0)
        {
            parts.Add("tidak berubah");
        }

        return string.Join("; ", parts);
    }

    private static JsonObject AcActions(params JsonNode[] buttons) =>
        new() { ["type"] = "ActionSet", ["actions"] = new JsonArray(buttons) };
}
