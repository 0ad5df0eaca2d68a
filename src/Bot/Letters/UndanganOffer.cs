using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Reports;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Letters;

/// <summary>The Surat Undangan card of a kegiatan as it stands: its register line, its files with fresh links, and the SRIKANDI form.</summary>
public sealed class UndanganOffer(UndanganDocuments undangan, DocumentLinks views)
{
    /// <summary>Null while the kegiatan has no invitation (no disposition yet, or the SOP has none).</summary>
    public async Task<JsonObject?> CardAsync(Kegiatan kegiatan, SopDefinition definition, bool regenerate, CancellationToken cancellationToken, string? notice = null, string? error = null, string? draft = null)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        var made = await undangan.EnsureAsync(kegiatan, definition, regenerate, cancellationToken);
        if (made.Count == 0 || await undangan.EntryAsync(kegiatan, definition, cancellationToken) is not { } entry)
        {
            return null;
        }

        return UndanganCard.Build(new UndanganCardView(
            kegiatan.Number,
            entry.Year,
            entry.Serial,
            entry.Nomor,
            entry.NomorSrikandi is not null,
            entry.Perihal,
            // The jadwal is the field the execution step's clock starts at (step 2's jadwal).
            definition.Steps.Select(s => s.ClockStartsAtField).OfType<string>().FirstOrDefault() is { } field ? kegiatan.DateTimeValue(field) : null,
            views.Of(kegiatan.Number, made),
            notice,
            error,
            draft));
    }
}
