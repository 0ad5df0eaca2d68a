using PerijinanBot.Sop.People;

namespace PerijinanBot.Dialogs.Commands;

/// <summary>
/// The commands people can type. Only commands that work are listed: a command joins this table in the
/// same change that makes it do its job, so the help card never offers something that answers nothing.
/// </summary>
public static class CommandCatalog
{
    public static IReadOnlyList<CommandInfo> All { get; } =
    [
        new(CommandKind.Help, "bantuan", "bantuan", "Menampilkan bantuan ini dan daftar perintah.", ["help", "?", "tolong"], "Bantuan"),
        new(CommandKind.Start, "mulai", "mulai", "Ketua Tim Kerja: memulai kegiatan fasilitasi baru (IUSP, IKC, IKCP, IKK) dengan disposisi kepada Anggota.", ["start", "baru"], "Mulai kegiatan baru", new HashSet<Role> { Role.KetuaTimKerja }),
        new(CommandKind.Tasks, "tugas", "tugas", "Langkah yang sedang menunggu Anda, dengan batas waktunya.", ["tasks", "todo"], "Tugas saya"),
        new(CommandKind.Status, "status", "status ‹nomor›", "Posisi sebuah kegiatan dan siapa yang memegangnya, misalnya: status FAS-2026-0001.", [], "Status"),
        new(CommandKind.History, "riwayat", "riwayat ‹nomor›", "Riwayat lengkap sebuah kegiatan: setiap langkah, keputusan, alasan, dan waktu dibanding mutu baku.", ["history"], "Riwayat"),
        new(CommandKind.Search, "cari", "cari ‹nama atau NIK koperasi›", "Kegiatan sebuah koperasi menurut namanya atau Nomor Induk Koperasi (NIK), misalnya: cari KSP Maju Bersama.", ["search", "koperasi"], "Cari koperasi"),
        new(CommandKind.Sop, "sop", "sop", "Teks SOP 000.8 / 1622 / DISKOPUKM.B: dasar hukum, pelaksana, dan tabel langkah dengan mutu bakunya.", [], "Lihat SOP"),
        new(CommandKind.Cancel, "batal", "batal ‹nomor›", "Ketua Tim Kerja atau Kepala Bidang: membatalkan kegiatan, dengan alasan.", ["cancel"], "Batalkan kegiatan", new HashSet<Role> { Role.KetuaTimKerja, Role.KepalaBidang }),
        new(CommandKind.Reassign, "alihkan", "alihkan ‹nomor›", "Admin atau atasan pelaksana langkah: mengalihkan langkah yang sedang berjalan kepada pegawai lain dengan peran yang sama (mutasi, cuti, dinas luar).", ["reassign", "mutasi"], "Alihkan langkah", new HashSet<Role> { Role.Admin, Role.KetuaTimKerja, Role.KepalaBidang, Role.KepalaDinas }),
        new(CommandKind.Reschedule, "jadwal", "jadwal ‹nomor›", "Ketua Tim Kerja pelaksana atau Kepala Bidang: mengubah jadwal dan/atau tempat pelaksanaan fasilitasi yang belum terlaksana, dengan alasan; batas waktu, pengingat, dan kalender ikut menyesuaikan.", ["reschedule", "ubahjadwal"], "Ubah jadwal", new HashSet<Role> { Role.KetuaTimKerja, Role.KepalaBidang }),
        new(CommandKind.Roles, "peran", "peran [sinkron]", "Menampilkan siapa memegang peran apa di Bidang (Anggota/Ketua Tim Kerja, Kepala Bidang, Kepala Dinas) dan sumbernya. Admin: peran sinkron membaca ulang grup Entra ID sekarang.", ["roles", "role"], "Lihat pemegang peran"),
        new(CommandKind.Agenda, "agenda", "agenda [bulan|tahun]", "Buku Agenda Surat Keluar (disposisi dan Laporan Kegiatan) bulan ini atau tahun ini, dengan berkas Excel; mencatat nomor SRIKANDI.", ["register"], "Buku agenda"),
        new(CommandKind.Documents, "dokumen", "dokumen ‹nomor›", "Tautan unduh Laporan Kegiatan (PDF dan Word) sebuah kegiatan yang sudah selesai, misalnya: dokumen FAS-2026-0001.", ["documents", "unduh"], "Dokumen"),
        new(CommandKind.Compliance, "laporan", "laporan [bulan|triwulan|semester|tahun]", "Ketua, Kepala Bidang, Kepala Dinas, Admin: kepatuhan SOP dalam periode (waktu tiap langkah dibanding mutu baku, tepat waktu, pengembalian), grafik, berkas Excel, dan formulir monitoring SOP terisi.", ["report", "kepatuhan"], "Laporan kepatuhan SOP", new HashSet<Role> { Role.KetuaTimKerja, Role.KepalaBidang, Role.KepalaDinas, Role.Admin }),
        new(CommandKind.Outbox, "outbox", "outbox", "Admin: pekerjaan pengiriman yang berhenti dicoba (kartu, pemberitahuan, kalender dan arsip Graph) dengan galat terakhirnya, dan mengirimnya ulang.", ["antrean"], "Antrean pengiriman", new HashSet<Role> { Role.Admin }),
        new(CommandKind.Delegation, "plh", "plh", "Menunjuk Plh./Plt. (pelaksana harian) selama Anda berhalangan, dengan nomor surat tugas; melihat dan mengakhiri penunjukan.", ["plt", "delegasi"], "Plh./Plt.", new HashSet<Role> { Role.AnggotaTimKerja, Role.KetuaTimKerja, Role.KepalaBidang, Role.KepalaDinas, Role.Admin }),
    ];

    private static readonly Dictionary<string, CommandInfo> ByWord = BuildIndex();

    public static CommandInfo? Find(string word) => ByWord.GetValueOrDefault(word);

    /// <summary>The commands worth a button for someone with these roles: meant for them and runnable without an argument.</summary>
    public static IReadOnlyList<CommandInfo> ButtonsFor(IReadOnlySet<Role> roles) =>
        [.. All.Where(c => c.Kind != CommandKind.Help && !c.TakesArgument && c.IsFor(roles))];

    private static Dictionary<string, CommandInfo> BuildIndex()
    {
        var index = new Dictionary<string, CommandInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var command in All)
        {
            foreach (var word in command.Aliases.Prepend(command.Word))
            {
                // Fail fast at type load: two commands answering to one word is a bug, not a preference.
                if (!index.TryAdd(word, command))
                {
                    throw new InvalidOperationException($"Command word '{word}' is claimed twice.");
                }
            }
        }

        return index;
    }
}
