using PerijinanBot.Reports.Laporan;

namespace PerijinanBot.Bot.Letters;

/// <summary>The dokumentasi files of a kegiatan for its Laporan Kegiatan (photos to print, documents to link); a feature implements it.</summary>
public interface ILaporanDokumentasi
{
    Task<LaporanDokumentasi?> ForAsync(string number, CancellationToken cancellationToken);
}
