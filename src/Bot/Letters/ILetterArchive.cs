namespace PerijinanBot.Bot.Letters;

/// <summary>
/// The SharePoint archive of the letters' files as the letters feature needs it (the Archive feature provides it, on when
/// <c>Graph:Archive:DriveId</c> is set): so that letters never depend on Graph, and the archive may depend on letters.
/// </summary>
public interface ILetterArchive
{
    bool IsOn { get; }

    /// <summary>Archives one letter's files now (a person is waiting for the links); true when they are in SharePoint.</summary>
    Task<bool> ArchiveNowAsync(string number, int stepNumber, CancellationToken cancellationToken);

    /// <summary>Whether the decision's archive item has not been tried once yet (its links would be missing from a notice).</summary>
    Task<bool> FirstTryPendingAsync(string number, int version, CancellationToken cancellationToken);
}
