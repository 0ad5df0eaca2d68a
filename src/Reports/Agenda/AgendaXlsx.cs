using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PerijinanBot.Reports.Spreadsheets;

namespace PerijinanBot.Reports.Agenda;

/// <summary>
/// The Buku Agenda Surat Keluar as a workbook with one sheet, "Buku Agenda": a title row and an optional note, then No.,
/// Tanggal, Nomor Surat (the register's number), Nomor SRIKANDI, Perihal, Tujuan, Pengolah, Nomor Kegiatan, Dokumen and
/// Tautan (where the letter itself can be opened). Two hidden columns (the register year and the pengolah's id) carry what a
/// person does not need but <see cref="Read"/> does to give back the same entries.
/// </summary>
public static class AgendaXlsx
{
    public const string Sheet = "Buku Agenda";

    /// <summary>Excel does not follow a hyperlink longer than this; such an address stays as text only.</summary>
    private const int MaxHyperlinkLength = 2079;

    private const string NoHeader = "No.";
    private const string TanggalHeader = "Tanggal";
    private const string NomorHeader = "Nomor Surat";
    private const string SrikandiHeader = "Nomor SRIKANDI";
    private const string PerihalHeader = "Perihal";
    private const string TujuanHeader = "Tujuan";
    private const string PengolahHeader = "Pengolah";
    private const string KegiatanHeader = "Nomor Kegiatan";
    private const string DokumenHeader = "Dokumen";
    private const string TautanHeader = "Tautan";
    private const string YearHeader = "Tahun agenda";
    private const string PengolahIdHeader = "ID pengolah";

    private static readonly string[] _header =
        [NoHeader, TanggalHeader, NomorHeader, SrikandiHeader, PerihalHeader, TujuanHeader, PengolahHeader, KegiatanHeader, DokumenHeader, TautanHeader, YearHeader, PengolahIdHeader];

    private static readonly int _tautan = Array.IndexOf(_header, TautanHeader);

    private static readonly Dictionary<string, string> _documents = new(StringComparer.Ordinal)
    {
        [AgendaDocuments.Disposisi] = "Disposisi Kepala Dinas",
        [AgendaDocuments.Laporan] = "Laporan Kegiatan",
    };

    /// <param name="links">Where each letter can be opened, by (register year, serial); a letter without one gets an empty cell.</param>
    /// <param name="note">A line under the title, e.g. until when the download links work.</param>
    public static byte[] Build(string title, IReadOnlyList<AgendaEntry> entries, IReadOnlyDictionary<(int Year, int Serial), Uri>? links = null, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(entries);
        var sheet = new XlsxSheet(Sheet)
            .Columns(7, 12, 28, 28, 40, 30, 24, 16, 22, 60, 8, 38)
            .Hide(_tautan + 1)
            .Hide(_tautan + 2)
            .Row(XlsxCell.Of(title, XlsxStyle.Title))
            .Row(XlsxCell.Of(note))
            .Row([.. _header.Select(h => XlsxCell.Of(h, XlsxStyle.Header))]);
        sheet.Freeze(sheet.NextRow - 1);

        var hyperlinks = new List<(string Reference, Uri Target)>();
        foreach (var e in entries)
        {
            var link = links?.GetValueOrDefault((e.Year, e.Serial));
            if (link is { IsAbsoluteUri: true } && link.AbsoluteUri.Length <= MaxHyperlinkLength)
            {
                hyperlinks.Add(($"{XlsxWriter.ColumnName(_tautan)}{sheet.NextRow}", link));
            }

            sheet.Row(
                XlsxCell.Of(e.Serial, XlsxStyle.Integer),
                XlsxCell.Of(e.Tanggal),
                XlsxCell.Of(e.NomorBot),
                XlsxCell.Of(e.NomorSrikandi),
                XlsxCell.Of(e.Perihal, XlsxStyle.Wrap),
                XlsxCell.Of(e.Tujuan, XlsxStyle.Wrap),
                XlsxCell.Of(e.PengolahName),
                XlsxCell.Of(e.KegiatanNumber),
                XlsxCell.Of(_documents.GetValueOrDefault(e.Document, e.Document)),
                XlsxCell.Of(link is { IsAbsoluteUri: true } ? link.AbsoluteUri : null),
                XlsxCell.Of(e.Year, XlsxStyle.Integer),
                XlsxCell.Of(e.PengolahId));
        }

        return WithHyperlinks(XlsxWriter.Write([sheet]), hyperlinks);
    }

    /// <summary>The entries <see cref="Build"/> wrote, in sheet order. An empty Nomor SRIKANDI reads back as null, other empty texts as "".</summary>
    public static IReadOnlyList<AgendaEntry> Read(byte[] xlsx) => [.. ReadRows(xlsx).Select(r => r.Entry)];

    /// <summary>The links <see cref="Build"/> wrote, by (register year, serial); letters without one are left out.</summary>
    public static IReadOnlyDictionary<(int Year, int Serial), Uri> ReadLinks(byte[] xlsx)
    {
        var links = new Dictionary<(int Year, int Serial), Uri>();
        foreach (var (entry, link) in ReadRows(xlsx))
        {
            if (Uri.TryCreate(link, UriKind.Absolute, out var uri))
            {
                links[(entry.Year, entry.Serial)] = uri;
            }
        }

        return links;
    }

    /// <summary>
    /// Each row's entry and the text of its Tautan cell. Columns are found by their header, so a register exported before
    /// the Tautan column existed reads back too.
    /// </summary>
    private static IEnumerable<(AgendaEntry Entry, string? Link)> ReadRows(byte[] xlsx)
    {
        var rows = XlsxReader.ReadSheet(xlsx, Sheet);
        var header = -1;
        for (var i = 0; i < rows.Count && header < 0; i++)
        {
            if (rows[i].Text(0) == NoHeader && rows[i].Text(2) == NomorHeader)
            {
                header = i;
            }
        }

        if (header < 0)
        {
            throw new InvalidDataException($"The sheet '{Sheet}' has no header row.");
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = rows[header].Cells.Count - 1; c >= 0; c--)
        {
            if (rows[header].Optional(c) is { } name)
            {
                columns[name] = c;
            }
        }

        int Column(string name) => columns.TryGetValue(name, out var c) ? c : throw new InvalidDataException($"The sheet '{Sheet}' has no column '{name}'.");
        var (no, tanggal, nomor, srikandi, perihal, tujuan, pengolah, kegiatan, dokumen, year, pengolahId) = (
            Column(NoHeader), Column(TanggalHeader), Column(NomorHeader), Column(SrikandiHeader), Column(PerihalHeader), Column(TujuanHeader),
            Column(PengolahHeader), Column(KegiatanHeader), Column(DokumenHeader), Column(YearHeader), Column(PengolahIdHeader));
        var tautan = columns.GetValueOrDefault(TautanHeader, -1);

        return [.. rows.Skip(header + 1).Where(r => !r.IsEmpty).Select(r => (
            new AgendaEntry(
                r.Integer(year),
                r.Integer(no),
                DateOnly.FromDateTime(r.DateTime(tanggal)),
                r.Text(nomor),
                r.Optional(srikandi),
                r.Text(perihal),
                r.Text(tujuan),
                r.Text(pengolahId),
                r.Text(pengolah),
                r.Text(kegiatan),
                DocumentOf(r.Text(dokumen))),
            tautan < 0 ? null : r.Optional(tautan)))];
    }

    /// <summary>
    /// Makes the Tautan cells real hyperlinks (an external relationship per cell), so Excel opens them on a click: the cell
    /// keeps the address as its text, so the sheet reads the same in software that ignores hyperlinks.
    /// </summary>
    private static byte[] WithHyperlinks(byte[] xlsx, List<(string Reference, Uri Target)> hyperlinks)
    {
        if (hyperlinks.Count == 0)
        {
            return xlsx;
        }

        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var part = document.WorkbookPart!.WorksheetParts.Single();
            var list = new Hyperlinks();
            foreach (var (reference, target) in hyperlinks)
            {
                var relationship = part.AddHyperlinkRelationship(target, isExternal: true);
                list.Append(new Hyperlink { Reference = reference, Id = relationship.Id });
            }

            // The schema's order puts hyperlinks after the sheet data and before the page margins.
            part.Worksheet.InsertBefore(list, part.Worksheet.GetFirstChild<PageMargins>());
        }

        return stream.ToArray();
    }

    private static string DocumentOf(string text)
    {
        foreach (var (document, name) in _documents)
        {
            if (name == text)
            {
                return document;
            }
        }

        return text;
    }
}
