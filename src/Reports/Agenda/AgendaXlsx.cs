using PerijinanBot.Reports.Spreadsheets;

namespace PerijinanBot.Reports.Agenda;

/// <summary>
/// The Buku Agenda Surat Keluar as a workbook with one sheet, "Buku Agenda": a title row, then No., Tanggal, Nomor Surat (the
/// register's number), Nomor SRIKANDI, Perihal, Tujuan, Pengolah, Nomor Kegiatan, Dokumen. Two hidden columns (the register
/// year and the pengolah's id) carry what a person does not need but <see cref="Read"/> does to give back the same entries.
/// </summary>
public static class AgendaXlsx
{
    public const string Sheet = "Buku Agenda";

    private static readonly string[] _header =
        ["No.", "Tanggal", "Nomor Surat", "Nomor SRIKANDI", "Perihal", "Tujuan", "Pengolah", "Nomor Kegiatan", "Dokumen", "Tahun agenda", "ID pengolah"];

    private static readonly Dictionary<string, string> _documents = new(StringComparer.Ordinal)
    {
        [AgendaDocuments.Disposisi] = "Disposisi Kepala Dinas",
        [AgendaDocuments.Laporan] = "Laporan Kegiatan",
    };

    public static byte[] Build(string title, IReadOnlyList<AgendaEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(entries);
        var sheet = new XlsxSheet(Sheet)
            .Columns(7, 12, 28, 28, 40, 30, 24, 16, 22, 8, 38)
            .Hide(9)
            .Hide(10)
            .Row(XlsxCell.Of(title, XlsxStyle.Title))
            .Blank()
            .Row([.. _header.Select(h => XlsxCell.Of(h, XlsxStyle.Header))]);
        sheet.Freeze(sheet.NextRow - 1);

        foreach (var e in entries)
        {
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
                XlsxCell.Of(e.Year, XlsxStyle.Integer),
                XlsxCell.Of(e.PengolahId));
        }

        return XlsxWriter.Write([sheet]);
    }

    /// <summary>The entries <see cref="Build"/> wrote, in sheet order. An empty Nomor SRIKANDI reads back as null, other empty texts as "".</summary>
    public static IReadOnlyList<AgendaEntry> Read(byte[] xlsx)
    {
        var rows = XlsxReader.ReadSheet(xlsx, Sheet);
        var header = -1;
        for (var i = 0; i < rows.Count && header < 0; i++)
        {
            if (rows[i].Text(0) == _header[0] && rows[i].Text(2) == _header[2])
            {
                header = i;
            }
        }

        if (header < 0)
        {
            throw new InvalidDataException($"The sheet '{Sheet}' has no header row.");
        }

        return [.. rows.Skip(header + 1).Where(r => !r.IsEmpty).Select(r => new AgendaEntry(
            r.Integer(9),
            r.Integer(0),
            DateOnly.FromDateTime(r.DateTime(1)),
            r.Text(2),
            r.Optional(3),
            r.Text(4),
            r.Text(5),
            r.Text(10),
            r.Text(6),
            r.Text(7),
            DocumentOf(r.Text(8))))];
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
