using PerijinanBot.Reports.Agenda;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Reports.Laporan;

/// <summary>
/// Everything the Laporan Kegiatan is made from: a reported kegiatan, the definition it ran on, the directory (for jabatan and
/// NIP under the signatures) and its entry in the Buku Agenda Surat Keluar. <paramref name="Disposisi"/> is the disposition's entry
/// for a kegiatan whose Lembar Disposisi was booked as an outgoing letter (before it became an internal document), else null. <paramref name="Kop"/>: the office's address, contacts and
/// emblem in the letterhead; null prints only the names of the SOP header.
/// </summary>
public sealed record LaporanRequest(Kegiatan Kegiatan, SopDefinition Definition, PeopleDirectory People, AgendaEntry? Disposisi, AgendaEntry Laporan, KopSettings? Kop = null, LaporanDokumentasi? Dokumentasi = null);

/// <summary>
/// The files the Anggota sent for step 7: <paramref name="Photos"/> are printed in section IV, <paramref name="Files"/> (daftar
/// hadir, berita acara, other documents) listed in the appendix with a link each.
/// </summary>
public sealed record LaporanDokumentasi(IReadOnlyList<LaporanPhotoFile> Photos, IReadOnlyList<LaporanFileLink> Files);

/// <summary>A photo as sent (its file name) and made ready to print.</summary>
public sealed record LaporanPhotoFile(string Name, LaporanImage Image);

/// <summary>A document of the dokumentasi: its name, what it is ("Daftar hadir"), its size and a (signed) link to download it.</summary>
public sealed record LaporanFileLink(string Name, string Kind, long Length, Uri Link);

/// <summary>
/// The report as it will be printed: every string here appears verbatim in the DOCX and the PDF, already cleaned of characters
/// a document cannot hold. The renderers only lay it out, so both formats always say the same thing. The last of
/// <paramref name="Sections"/> is the closing (penutup): both renderers keep it on the page of the signatures.
/// </summary>
public sealed record LaporanKegiatan(
    string KegiatanNumber,
    KopSurat Kop,
    string Title,
    IReadOnlyList<LaporanEntry> Identitas,
    IReadOnlyList<LaporanSection> Sections,
    IReadOnlyList<LaporanSignature> Signatures,
    LaporanLampiran Lampiran,
    LaporanBerkas? Berkas = null);

/// <summary>The second appendix: the dokumentasi documents with their download links.</summary>
public sealed record LaporanBerkas(string Heading, string Note, IReadOnlyList<LaporanLink> Files);

/// <summary>A photo printed across the text column (never wider, never distorted), its caption under it.</summary>
public sealed record LaporanPhoto(string Caption, LaporanImage Image) : LaporanBlock;

/// <summary>A numbered part of the body, e.g. "I. DASAR".</summary>
public sealed record LaporanSection(string Heading, IReadOnlyList<LaporanBlock> Blocks);

/// <summary>One element of a section; the renderers switch over the closed set of subtypes below.</summary>
public abstract record LaporanBlock;

/// <summary>Running text; may span several lines (separated by <c>\n</c>).</summary>
public sealed record LaporanParagraph(string Text) : LaporanBlock;

/// <summary>"Label : value", the value possibly spanning several lines (separated by <c>\n</c>).</summary>
public sealed record LaporanEntry(string Label, string Value) : LaporanBlock;

/// <summary>One documentation link. <paramref name="Target"/> is null when the text is not an absolute http(s) address: it is printed, not linked.</summary>
public sealed record LaporanLink(string Text, Uri? Target) : LaporanBlock;

/// <summary>
/// A signature column: caption lines above the space for the signature, the name, and the lines under it (jabatan, NIP).
/// <paramref name="Vacant"/>: nobody holds the role, so <paramref name="Name"/> is a dotted line to be filled in by hand.
/// </summary>
public sealed record LaporanSignature(IReadOnlyList<string> Caption, string Name, IReadOnlyList<string> Details, bool Vacant = false);

/// <summary>The appendix: the approval trail as a table, one row per visit of a step.</summary>
public sealed record LaporanLampiran(string Heading, IReadOnlyList<string> Subheading, IReadOnlyList<LaporanColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A table column; <paramref name="Width"/> is relative (the renderers scale the set to the page).</summary>
public sealed record LaporanColumn(string Header, double Width);
