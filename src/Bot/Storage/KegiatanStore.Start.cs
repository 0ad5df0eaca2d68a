namespace PerijinanBot.Bot.Storage;

public sealed partial class KegiatanStore
{
    // A walk this long means the hint is far behind or something else is wrong; stop rather than spin.
    private const int MaxNumberWalk = 10_000;

    /// <summary>
    /// Creates a kegiatan under the next free number of the year (<c>FAS-2026-0001</c>, …): gap-free and never repeated, also
    /// with several instances, because creating the state row IS the claim of its number (an Add that fails with 409 when the
    /// number is taken). <paramref name="create"/> builds the kegiatan for a candidate number and may run several times.
    /// The same <paramref name="commandId"/> always yields the same kegiatan: a retried or redelivered start reports
    /// AlreadyApplied with the number it got the first time.
    /// </summary>
    public async Task<StartResult> StartAsync(string commandId, Func<string, KegiatanChange> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (!KegiatanKeys.IsValidId(commandId))
        {
            throw new ArgumentException($"A command id is 1-{KegiatanKeys.MaxIdLength} characters.", nameof(commandId));
        }

        var (year, from) = await _numbers.BeginAsync(commandId, cancellationToken);
        for (var serial = from; serial < from + MaxNumberWalk; serial++)
        {
            var number = _numbers.Format(year, serial);
            var result = await CommitAsync(KegiatanCommit.Create(number, commandId, create(number)), cancellationToken);
            if (result.IsSuccess)
            {
                await _numbers.AdvanceHintAsync(year, serial, cancellationToken);
                return new StartResult(result.Outcome, number, result.Version);
            }

            // NumberTaken by another start, which therefore committed: the next number up is the candidate. Every number
            // below the hint is taken, so walking up from it one by one can leave no gap.
        }

        throw new InvalidOperationException($"No free kegiatan number within {MaxNumberWalk} of {_numbers.Format(year, from)}.");
    }
}
