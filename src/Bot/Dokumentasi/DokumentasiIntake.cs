using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Turns;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Protocol;
using PerijinanBot.Protocol.Connector;
using PerijinanBot.Reports.Laporan;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Dokumentasi;

/// <summary>
/// Files sent in the 1:1 chat (<see cref="TeamsFiles"/>): each is fetched within the size limit, its format told by its bytes,
/// and kept as dokumentasi of the kegiatan whose step 7 the sender holds. A file that fails any check is named in the answer
/// with the reason and nothing of it is kept; when the sender holds no step 7, or several and the message does not say which,
/// nothing is kept at all.
/// </summary>
internal sealed partial class DokumentasiIntake(
    ReportHolders holders,
    DokumentasiStore store,
    FileDownloader downloader,
    IOptions<DokumentasiOptions> options) : IFileMessages
{
    public async Task OnFilesAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!turn.Reference.IsPersonal)
        {
            await turn.SendTextAsync(DokumentasiTexts.NotInPersonalChat, cancellationToken);
            return;
        }

        var sender = turn.Registered.AadObjectId;
        // A kegiatan number written beside the files says which kegiatan they are for, asked of the kegiatan itself: right
        // after the step 7 card arrives the task index may not list it yet. Without one, the task index points.
        var held = new List<Kegiatan>();
        foreach (var number in NumberPattern().Matches(turn.Activity.Text ?? "").Select(m => m.Value.ToUpperInvariant()).Distinct(StringComparer.Ordinal))
        {
            if (await holders.HeldAsync(number, sender, cancellationToken) is { } named)
            {
                held.Add(named);
            }
        }

        if (held.Count == 0)
        {
            held.AddRange(await holders.HeldByAsync(sender, cancellationToken));
        }

        if (held.Count == 0)
        {
            await turn.SendTextAsync(DokumentasiTexts.NotHolding, cancellationToken);
            return;
        }

        if (held.Count > 1)
        {
            await turn.SendTextAsync(DokumentasiTexts.SeveralHeld(held.Select(k => k.Number).Order(StringComparer.Ordinal)), cancellationToken);
            return;
        }

        var kegiatan = held[0];
        var problems = await ReceiveAsync(turn.Activity, kegiatan, sender, cancellationToken);
        var files = await store.ListAsync(kegiatan.Number, cancellationToken);
        var view = new DokumentasiView(kegiatan.Number, [.. files.Select(f => f.View)], CanChange: true, problems);
        await turn.SendCardAsync(DokumentasiCard.Build(view), cancellationToken);
    }

    private async Task<List<string>> ReceiveAsync(Activity activity, Kegiatan kegiatan, string sender, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var limit = options.Value;
        var count = (await store.ListAsync(kegiatan.Number, cancellationToken)).Count;
        var index = 0;
        foreach (var attachment in (activity.Attachments ?? []).Where(TeamsFiles.IsFile))
        {
            index++;
            var shownName = string.IsNullOrWhiteSpace(attachment.Name) ? DokumentasiTexts.Unnamed(index) : attachment.Name;
            if (TeamsFiles.Read(attachment) is not { } file)
            {
                problems.Add(DokumentasiTexts.DownloadFailed(shownName));
                continue;
            }

            if (count >= limit.MaxFilesPerKegiatan)
            {
                problems.Add(DokumentasiTexts.TooMany(shownName, limit.MaxFilesPerKegiatan));
                continue;
            }

            var download = await downloader.DownloadAsync(file, limit.MaxFileBytes, cancellationToken);
            if (download.Bytes is not { } bytes)
            {
                problems.Add(download.Problem switch
                {
                    DownloadProblem.TooLarge => DokumentasiTexts.TooLarge(shownName, limit.MaxFileBytes),
                    DownloadProblem.HostNotAllowed => DokumentasiTexts.NotFromTeams(shownName),
                    _ => DokumentasiTexts.DownloadFailed(shownName),
                });
                continue;
            }

            // A photo must also decode whole: it is printed in the Laporan Kegiatan.
            if (FileContent.Identify(bytes) is not { } format || (FileContent.IsImage(format) && LaporanImage.Prepare(bytes) is null))
            {
                problems.Add(DokumentasiTexts.WrongType(shownName));
                continue;
            }

            var name = FileContent.NameFor(file.Name, format, DokumentasiTexts.KeptName(FileContent.IsImage(format), index));
            await store.AddAsync(kegiatan.Number, name, format, bytes, sender, file.UniqueId, cancellationToken);
            count++;
        }

        return problems;
    }

    [GeneratedRegex(@"FAS-\d{4}-\d{4}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
