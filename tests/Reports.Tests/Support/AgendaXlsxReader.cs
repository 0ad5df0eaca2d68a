using PerijinanBot.Reports.Agenda;

namespace PerijinanBot.Reports.Tests.Support;

/// <summary>Reads back what <see cref="AgendaXlsx.Build"/> wrote (Bot.Tests links this file).</summary>
internal static class AgendaXlsxReader
{
    /// <summary>The entries, in sheet order. An empty Nomor SRIKANDI reads back as null, other empty texts as "".</summary>
    public static IReadOnlyList<AgendaEntry> Read(byte[] xlsx) => [.. ReadRows(xlsx).Select(r => r.Entry)];

    /// <summary>The links, by (register year, serial); letters without one are left out.</summary>
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
        var rows = XlsxReader.ReadSheet(xlsx, AgendaXlsx.Sheet);
        var header = -1;
        for (var i = 0; i < rows.Count && header < 0; i++)
        {
            if (rows[i].Text(0) == AgendaXlsx.NoHeader && rows[i].Text(2) == AgendaXlsx.NomorHeader)
            {
                header = i;
            }
        }

        if (header < 0)
        {
            throw new InvalidDataException($"The sheet '{AgendaXlsx.Sheet}' has no header row.");
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = rows[header].Cells.Count - 1; c >= 0; c--)
        {
            if (rows[header].Optional(c) is { } name)
            {
                columns[name] = c;
            }
        }

        int Column(string name) =>
            columns.TryGetValue(name, out var c) ? c : throw new InvalidDataException($"The sheet '{AgendaXlsx.Sheet}' has no column '{name}'.");
        var (no, tanggal, nomor, srikandi, perihal, tujuan, pengolah, kegiatan, dokumen, year, pengolahId) = (
            Column(AgendaXlsx.NoHeader), Column(AgendaXlsx.TanggalHeader), Column(AgendaXlsx.NomorHeader), Column(AgendaXlsx.SrikandiHeader),
            Column(AgendaXlsx.PerihalHeader), Column(AgendaXlsx.TujuanHeader), Column(AgendaXlsx.PengolahHeader), Column(AgendaXlsx.KegiatanHeader),
            Column(AgendaXlsx.DokumenHeader), Column(AgendaXlsx.YearHeader), Column(AgendaXlsx.PengolahIdHeader));
        var tautan = columns.GetValueOrDefault(AgendaXlsx.TautanHeader, -1);

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

    private static string DocumentOf(string text)
    {
        foreach (var (document, name) in AgendaXlsx.DocumentNames)
        {
            if (name == text)
            {
                return document;
            }
        }

        return text;
    }
}
