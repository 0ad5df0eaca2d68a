using PerijinanBot.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Sop;

public sealed partial class SopCardViews
{
    /// <summary>What <c>cari</c> found (never empty: "tidak ditemukan" is a text), newest first, at most <see cref="MaxListed"/>.</summary>
    public static SearchCardView Search(string query, IReadOnlyList<(Kegiatan Kegiatan, SopDefinition Definition)> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var rows = found.OrderByDescending(x => x.Kegiatan.StartedAt).ToList();
        var items = rows.Take(MaxListed).Select(x => new SearchItem(
            x.Kegiatan.Number,
            x.Kegiatan.Value("judul"),
            KegiatanKoperasi.Names(x.Kegiatan),
            Where(x.Kegiatan, x.Definition),
            x.Kegiatan.Status == KegiatanStatus.Open)).ToList();
        return new SearchCardView(
            "Hasil pencarian koperasi",
            $"{WibFormat.Number(rows.Count)} kegiatan untuk “{Markdown.Literal(query.Trim())}”.",
            items,
            rows.Count > MaxListed ? $"{WibFormat.Number(rows.Count - MaxListed)} kegiatan lain tidak ditampilkan; perjelas nama atau gunakan NIK." : null);
    }

    private static string Where(Kegiatan kegiatan, SopDefinition definition) => kegiatan switch
    {
        { Cancellation: { } cancel } => $"Dibatalkan pada langkah {cancel.Step}",
        { Current: { } current } => $"Berjalan: {SopPhrases.StepOf(definition.Step(current.Step), definition)}",
        _ => $"Selesai {WibFormat.DateTime(kegiatan.ClosedAt ?? kegiatan.UpdatedAt)}",
    };
}
