using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PerijinanBot.Reports.Spreadsheets;

namespace PerijinanBot.Reports.Agenda;

/// <summary>
/// The Buku Agenda Surat Keluar as a workbook with one sheet, "Buku Agenda": a title row and an optional note, then No.,
/// Tanggal, Nomor Surat (the register's number), Nomor SRIKANDI, Perihal, Tujuan, Pengolah, Nomor Kegiatan, Dokumen and
/// Tautan (where the letter itself can be opened). Two hidden columns (the register year and the pengolah's id) carry what a
/// person does not need but a program reading the register back does to give back the same entries. The headers are
/// internal so that such a reader (the tests') finds its columns by them.
/// </summary>
public static class AgendaXlsx
{
    public const string Sheet = "Buku Agenda";

    /// <summary>Excel does not follow a hyperlink longer than this; such an address stays as text only.</summary>
    private const int MaxHyperlinkLength = 2079;

    internal const string NoHeader = "No.";
    internal const string TanggalHeader = "Tanggal";
    internal const string NomorHeader = "Nomor Surat";
    internal const string SrikandiHeader = "Nomor SRIKANDI";
    internal const string PerihalHeader = "Perihal";
    internal const string TujuanHeader = "Tujuan";
    internal const string PengolahHeader = "Pengolah";
    internal const string KegiatanHeader = "Nomor Kegiatan";
    internal const string DokumenHeader = "Dokumen";
    internal const string TautanHeader = "Tautan";
    internal const string YearHeader = "Tahun agenda";
    internal const string PengolahIdHeader = "ID pengolah";

    private static readonly string[] _header =
        [NoHeader, TanggalHeader, NomorHeader, SrikandiHeader, PerihalHeader, TujuanHeader, PengolahHeader, KegiatanHeader, DokumenHeader, TautanHeader, YearHeader, PengolahIdHeader];

    private static readonly int _tautan = Array.IndexOf(_header, TautanHeader);

    /// <summary>What the Dokumen column shows for each <see cref="AgendaDocuments"/> value; any other document shows as itself.</summary>
    internal static readonly IReadOnlyDictionary<string, string> DocumentNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AgendaDocuments.Disposisi] = "Disposisi Kepala Dinas",
        [AgendaDocuments.Laporan] = "Laporan Kegiatan",
        [AgendaDocuments.Undangan] = "Surat Undangan",
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
                XlsxCell.Of(DocumentNames.GetValueOrDefault(e.Document, e.Document)),
                XlsxCell.Of(link is { IsAbsoluteUri: true } ? link.AbsoluteUri : null),
                XlsxCell.Of(e.Year, XlsxStyle.Integer),
                XlsxCell.Of(e.PengolahId));
        }

        return WithHyperlinks(XlsxWriter.Write([sheet]), hyperlinks);
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
}
