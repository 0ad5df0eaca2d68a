using PerijinanBot.Reports.Agenda;
using PerijinanBot.Reports.Laporan;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Reports.Disposisi;

/// <summary>
/// Everything the Lembar Disposisi is made from: a kegiatan whose disposition step (step 5, Setuju of the Kepala Dinas) has
/// been approved, the definition it runs on, the directory (jabatan and NIP under the signature) and, for a disposition made
/// while the Lembar Disposisi was still booked as an outgoing letter, its line in the Buku Agenda Surat Keluar (null now: it
/// is an internal document). <paramref name="Kop"/>: the office's address, contacts and emblem in the letterhead; null
/// prints only the names of the SOP header.
/// </summary>
public sealed record DisposisiRequest(Kegiatan Kegiatan, SopDefinition Definition, PeopleDirectory People, AgendaEntry? Disposisi = null, KopSettings? Kop = null);

/// <summary>
/// The disposition form as it will be printed: every string appears verbatim in the PDF, already cleaned of characters a
/// document cannot hold, so the renderer only lays it out.
/// </summary>
/// <param name="Rows">The boxed "label : value" lines above the disposition: the letter (agenda number, date, from, to,
/// subject) and the kegiatan it is about (number, kind, koperasi, kabupaten/kota, jadwal, tempat).</param>
/// <param name="Isi">What the Kepala Dinas wrote, or the plain approval when they wrote nothing.</param>
/// <param name="Signature">Whoever gave the disposition: the Kepala Dinas, or the Plh. who stood in for them.</param>
public sealed record LembarDisposisi(
    string KegiatanNumber,
    KopSurat Kop,
    string Title,
    IReadOnlyList<LaporanEntry> Rows,
    string IsiLabel,
    string Isi,
    LaporanSignature Signature);
