using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace PerijinanBot.Bot.Files;

/// <summary>
/// The private container of generated files, created once per process on the first write. A failed creation is tried
/// again on the next write, so the bot starts (and /healthz reports) while storage is still down.
/// </summary>
internal sealed class FilesContainer(BlobContainerClient client)
{
    private static readonly TimeSpan CreationDeadline = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private Task? _creation;

    public BlobContainerClient Client => client;

    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        Task creation;
        lock (_gate)
        {
            if (_creation is null || _creation.IsFaulted || _creation.IsCanceled)
            {
                _creation = CreateAsync();
            }

            creation = _creation;
        }

        // Every writer waits on the same creation; one writer giving up must not cancel it for the others.
        return creation.WaitAsync(cancellationToken);
    }

    /// <summary>Someone removed the container behind our back: the next write creates it again.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _creation = null;
        }
    }

    private async Task CreateAsync()
    {
        using var timeout = new CancellationTokenSource(CreationDeadline);
        // PublicAccessType.None: files are reached only through the bot's signed links, never anonymously from storage.
        await client.CreateIfNotExistsAsync(PublicAccessType.None, metadata: null, cancellationToken: timeout.Token);
    }
}
