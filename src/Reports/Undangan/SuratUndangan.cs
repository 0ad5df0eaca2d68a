using PerijinanBot.Reports.Agenda;
using PerijinanBot.Reports.Laporan;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Reports.Undangan;

/// <summary>
/// What the office sets for its invitations: whose signature closes them (<paramref name="Signer"/>, the Kepala Dinas by
/// default), the position printed above it when it is not the SOP's name of that role, the letter's sifat and lampiran, and
/// the city written before the date.
/// </summary>
public sealed record UndanganSettings(Role Signer = Role.KepalaDinas, string? SignerPosition = null, string Sifat = "Biasa", string Lampiran = "-", string Kota = "Pontianak")
{
    public static UndanganSettings Default { get; } = new();
}

/// <summary>
/// Everything the Surat Undangan is made from: a kegiatan whose disposition (step 5) was given, the definition it runs on,
/// the directory (jabatan and NIP under the signature, the signer when he took no part), the invitation's line in the Buku
/// Agenda Surat Keluar, the office's settings, and the kop surat.
/// </summary>
public sealed record UndanganRequest(Kegiatan Kegiatan, SopDefinition Definition, PeopleDirectory People, AgendaEntry Undangan, UndanganSettings? Settings = null, KopSettings? Kop = null);

/// <summary>
/// The invitation as it will be printed, in the order of an Indonesian official letter: every string appears verbatim in the
/// DOCX and the PDF, already cleaned, so both formats say the same thing.
/// </summary>
/// <param name="TempatTanggal">"Pontianak, 14 Juli 2026": the place and date of the letter, top right.</param>
/// <param name="Kepala">Nomor, Sifat, Lampiran, Hal.</param>
/// <param name="Kepada">"Yth." then one line per addressee (every koperasi, every narasumber), then "di Tempat".</param>
/// <param name="Pembuka">The opening paragraph, ending in the colon that introduces <paramref name="Acara"/>.</param>
/// <param name="Acara">Hari/tanggal, pukul, tempat, acara, materi, narasumber, peserta.</param>
public sealed record SuratUndangan(
    string KegiatanNumber,
    KopSurat Kop,
    string TempatTanggal,
    IReadOnlyList<LaporanEntry> Kepala,
    IReadOnlyList<string> Kepada,
    string Pembuka,
    IReadOnlyList<LaporanEntry> Acara,
    string Penutup,
    LaporanSignature Signature);
