using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Dialogs.Tests.Sop;

namespace PerijinanBot.Dialogs.Tests.Cards;

/// <summary>The role cards of the Entra directory sync: where roles come from, what a sync changed, a step left without its role holder.</summary>
public sealed class RolesCardTests
{
    private static readonly DateTimeOffset SyncedAt = new(2026, 2, 2, 9, 30, 0, TimeSpan.FromHours(7));

    private static readonly RoleHolders[] Holders =
    [
        new("Anggota Tim Kerja", ["Budi Santoso", "Dewi Lestari"]),
        new("Ketua Tim Kerja", ["Rina Marlina"]),
        new("Kepala Bidang Perijinan dan Kelembagaan", ["Hendra Gunawan"]),
        new("Kepala Dinas", ["Siti Aminah"]),
        new("Admin", ["Agus Pratama"]),
    ];

    [Fact]
    [NeedsNode]
    public void Roles_card_says_which_roles_come_from_Entra_groups_and_when_they_were_last_synced()
    {
        var card = RolesCard.Build(Holders, new RolesSource(["Anggota Tim Kerja", "Ketua Tim Kerja"], SyncedAt));
        var text = CardJson.Text(card);

        Assert.Contains("Sumber: grup Entra ID untuk Anggota Tim Kerja, Ketua Tim Kerja; peran lain dari konfigurasi bot. Terakhir disinkronkan Senin, 2 Februari 2026 09.30 WIB.", text, StringComparison.Ordinal);
        CardAssert.MatchesGolden(card, "roles-entra");
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void Roles_card_says_the_roles_come_from_configuration_when_no_group_is_set()
    {
        var text = CardJson.Text(RolesCard.Build(Holders, RolesSource.Configuration));

        Assert.Contains("Sumber: konfigurasi bot (bagian Directory).", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Entra", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_card_warns_when_the_latest_sync_failed_and_says_what_the_list_is_from()
    {
        var never = CardJson.Text(RolesCard.Build(Holders, new RolesSource(["Ketua Tim Kerja"], null, "Microsoft Graph tidak dapat dihubungi.")));
        var earlier = CardJson.Text(RolesCard.Build(Holders, new RolesSource(["Ketua Tim Kerja"], SyncedAt, "Microsoft Graph tidak dapat dihubungi.")));

        Assert.Contains("belum pernah berhasil disinkronkan; sementara ini dari konfigurasi bot", never, StringComparison.Ordinal);
        Assert.Contains("Sinkronisasi terakhir gagal: Microsoft Graph tidak dapat dihubungi. Daftar di atas diambil dari konfigurasi bot.", never, StringComparison.Ordinal);
        Assert.Contains("Sinkronisasi terakhir gagal: Microsoft Graph tidak dapat dihubungi. Daftar di atas dari sinkronisasi sebelumnya.", earlier, StringComparison.Ordinal);
    }

    [Fact]
    [NeedsNode]
    public void Sync_card_counts_each_roles_holders_and_names_who_was_added_and_removed()
    {
        var card = RolesCard.Synced(new RoleSyncView(SyncedAt,
        [
            new RoleSyncChange("Anggota Tim Kerja", 2, ["Andi Wijaya"], ["Budi Santoso"]),
            new RoleSyncChange("Ketua Tim Kerja", 1, [], []),
        ], Flagged: 1, Waiting: 1));
        var facts = CardJson.OfType(card, "FactSet").Single()["facts"]!.AsArray()
            .Select(f => ((string?)f!["title"], (string?)f["value"])).ToList();

        Assert.Equal(
        [
            ("Anggota Tim Kerja", "2 orang; ditambahkan: Andi Wijaya; dikeluarkan: Budi Santoso"),
            ("Ketua Tim Kerja", "1 orang; tidak berubah"),
        ], facts);
        var text = CardJson.Text(card);
        Assert.Contains("1 langkah yang masih dipegang pegawai yang tidak lagi memegang perannya telah diberitahukan kepada atasannya", text, StringComparison.Ordinal);
        Assert.Contains("1 pemberitahuan pengalihan belum dapat dikirim", text, StringComparison.Ordinal);
        CardAssert.MatchesGolden(card, "roles-synced");
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    [NeedsNode]
    public void Left_role_notice_names_the_kegiatan_step_and_person_and_offers_the_alihkan_command()
    {
        var card = RolesCard.LeftRole(new LeftRoleView("FAS-2026-0007", "Fasilitasi IUSP KSP Maju Bersama", 2, "Penyiapan data dukung", "Anggota Tim Kerja", "Budi Santoso", "Ketua Tim Kerja", ToAdmins: false));
        var text = CardJson.Text(card);

        Assert.Contains("Budi Santoso tidak lagi memegang peran Anggota Tim Kerja menurut grup Entra ID, tetapi masih tercatat sebagai pelaksana langkah 2 (Penyiapan data dukung) kegiatan FAS-2026-0007.", text, StringComparison.Ordinal);
        Assert.Contains("ketik **alihkan FAS-2026-0007**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Admin", text, StringComparison.Ordinal);
        var alihkan = CardJson.OfType(card, "Action.Submit").First();
        Assert.Equal(("Alihkan", "alihkan FAS-2026-0007"), ((string?)alihkan["title"], (string?)alihkan["data"]!["command"]));
        CardAssert.MatchesGolden(card, "roles-left-role");
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void Left_role_notice_to_the_Admins_says_why_it_came_to_them()
    {
        var vacant = CardJson.Text(RolesCard.LeftRole(new LeftRoleView("FAS-2026-0007", null, 3, "Verifikasi", "Ketua Tim Kerja", "Rina Marlina", "Kepala Bidang Perijinan dan Kelembagaan", ToAdmins: true)));
        var top = CardJson.Text(RolesCard.LeftRole(new LeftRoleView("FAS-2026-0007", null, 5, "Persetujuan", "Kepala Dinas", "Siti Aminah", null, ToAdmins: true)));

        Assert.Contains("dikirim kepada Admin karena peran atasannya (Kepala Bidang Perijinan dan Kelembagaan) saat ini tidak dipegang siapa pun", vacant, StringComparison.Ordinal);
        Assert.Contains("dikirim kepada Admin karena peran Kepala Dinas tidak memiliki atasan dalam SOP", top, StringComparison.Ordinal);
    }
}
