using PerijinanBot.Sop;

namespace PerijinanBot.Dialogs.Delegations;

/// <summary>What the <c>plh</c> card says back: why an appointment was refused, and what was just appointed or ended.</summary>
public static class DelegationTexts
{
    public const string NotRegistered = "Anda belum terdaftar di direktori PerijinanBot. Hubungi Admin Bidang agar peran Anda dicatat.";
    public const string HolderUnknown = "Pilih pejabat yang digantikan dari daftar.";
    public const string StandInUnknown = "Pilih pegawai yang ditunjuk sebagai Plh. dari daftar.";
    public const string StandInIsHolder = "Plh. harus orang lain, bukan pejabat yang digantikan.";
    public const string FromAfterTo = "Tanggal mulai harus sama dengan atau sebelum tanggal selesai.";
    public const string BasisRequired = "Nomor Surat Perintah wajib diisi: itulah dasar penunjukan yang dicatat dalam riwayat.";
    public const string BasisDateRequired = "Tanggal Surat Perintah wajib diisi (pilih dari kalender).";
    public const string KindRequired = "Pilih jenis penunjukan: Plh. (pejabat berhalangan sementara) atau Plt. (jabatan kosong).";
    public const string NotFound = "Penunjukan Plh. itu tidak ditemukan. Ketik plh untuk melihat daftar terkini.";
    public const string MayNotEnd = "Penunjukan Plh. hanya dapat diakhiri oleh pejabat yang digantikan, oleh yang menunjuknya, atau oleh Admin.";
    public const string AlreadyEnded = "Penunjukan Plh. ini sudah berakhir.";
    public const string Busy = "Penunjukan Plh. sedang diubah oleh orang lain. Silakan coba lagi sebentar lagi.";
    public const string BadDates = "Isi tanggal mulai dan tanggal selesai (pilih dari kalender).";

    /// <param name="superior">The SOP role above the official's ("Kepala Bidang"); null at the top of the SOP.</param>
    public static string NotForSelf(string? superior) =>
        $"Pejabat tidak menunjuk Plh. atau Plt. bagi dirinya sendiri. Penunjukan dilakukan oleh {Appointers(superior)}.";

    public static string MayNotAppoint(string holder, string? superior) =>
        $"Anda tidak dapat menunjuk Plh. atau Plt. bagi {holder}. Penunjukan dilakukan oleh {Appointers(superior)}.";

    public static string BasisDateAfterToday(DateOnly today) =>
        $"Tanggal Surat Perintah paling lambat hari ini ({WibFormat.Date(today)}): surat yang menjadi dasar penunjukan sudah ditandatangani.";

    private static string Appointers(string? superior) => superior is null ? "Admin" : $"atasannya ({superior}) atau Admin";

    public static string HolderWithoutRole(string name) => $"{name} tidak memegang peran SOP (Anggota/Ketua Tim Kerja, Kepala Bidang, Kepala Dinas), jadi tidak memerlukan Plh.";

    public static string InThePast(DateOnly today) => $"Tanggal selesai sudah lewat. Plh. ditunjuk untuk hari ini ({WibFormat.Date(today)}) atau sesudahnya.";

    /// <param name="latest">Today plus one year: the last day an appointment may run to.</param>
    public static string TooFarAhead(DateOnly latest) =>
        $"Penunjukan Plh. paling lama sampai satu tahun dari hari ini: tanggal selesai paling lambat {WibFormat.Date(latest)}.";

    public static string ReasonRequired(DateOnly today) =>
        $"Tanggal mulai sebelum hari ini ({WibFormat.Date(today)}): isi alasan penunjukan berlaku mundur. Alasan itu dicatat bersama penunjukan.";

    public static string ReasonTooLong(int length) => $"Alasan berlaku mundur paling banyak {DelegationCard.MaxReasonLength} karakter (saat ini {WibFormat.Number(length)}).";

    /// <summary><paramref name="holder"/> already has <paramref name="limit"/> (or more) appointments in force or to come.</summary>
    public static string TooMany(string holder, int limit) =>
        $"{holder} sudah mencapai batas {WibFormat.Number(limit)} penunjukan Plh. yang sedang berlaku atau akan datang untuk satu pejabat. Akhiri salah satu penunjukan itu dulu.";

    public static string BasisTooLong(int length) => $"Nomor Surat Perintah paling banyak {DelegationCard.MaxBasisLength} karakter (saat ini {WibFormat.Number(length)}).";

    /// <summary>The holder already has a Plh. (<paramref name="standIn"/>) for dates that overlap the new ones.</summary>
    public static string Overlap(string holder, string standIn, DateOnly from, DateOnly to) =>
        $"{holder} sudah memiliki Plh. ({standIn}) dari {WibFormat.Date(from)} sampai {WibFormat.Date(to)}. Akhiri penunjukan itu dulu atau pilih tanggal lain.";

    /// <param name="told">Whether the stand-in could be told in their chat with the bot.</param>
    public static string Added(DelegationItem item, bool told)
    {
        ArgumentNullException.ThrowIfNull(item);
        var appointed = $"{item.StandInName} ditunjuk sebagai {item.Title} (menggantikan {item.HolderName})";
        return told
            ? $"{appointed} dan sudah diberi tahu."
            : $"{appointed}. Pemberitahuan belum dapat dikirim karena {item.StandInName} belum pernah membuka obrolan dengan PerijinanBot; mohon sampaikan langsung.";
    }

    public static string Ended(DelegationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return $"Penunjukan {item.StandInName} sebagai {item.Title} (menggantikan {item.HolderName}) telah diakhiri.";
    }

    /// <summary>The kinds offered on the card, each with when it applies.</summary>
    public const string AbsenceChoice = "Plh. — Pelaksana Harian (pejabat berhalangan sementara: cuti, dinas luar, sakit)";
    public const string VacancyChoice = "Plt. — Pelaksana Tugas (jabatan kosong)";

    /// <summary>A person in the form's lists: "Hendra Gunawan — Kepala Bidang Perijinan dan Kelembagaan", or the name alone without a role.</summary>
    public static string Choice(string name, IEnumerable<string> roles)
    {
        var held = string.Join(", ", roles);
        return held.Length == 0 ? name : $"{name} — {held}";
    }
}
