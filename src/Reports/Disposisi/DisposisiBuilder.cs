using PerijinanBot.Reports.Agenda;
using PerijinanBot.Reports.Laporan;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;
using static PerijinanBot.Reports.Laporan.KegiatanFacts;

namespace PerijinanBot.Reports.Disposisi;

/// <summary>Reads the Kepala Dinas's Setuju of the disposition step into the printed form.</summary>
internal static class DisposisiBuilder
{
    public const string NoText = "Setuju untuk ditindaklanjuti.";

    public static LembarDisposisi Build(DisposisiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Kegiatan, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Definition, nameof(request));
        ArgumentNullException.ThrowIfNull(request.People, nameof(request));

        var (kegiatan, definition, entry) = (request.Kegiatan, request.Definition, request.Disposisi);
        if (kegiatan.DefinitionId != definition.Id || kegiatan.DefinitionVersion != definition.Version)
        {
            throw new ArgumentException(
                $"Kegiatan {kegiatan.Number} runs on {kegiatan.DefinitionId} v{kegiatan.DefinitionVersion}, not on {definition}.", nameof(request));
        }

        if (entry is not null && (!string.Equals(entry.KegiatanNumber, kegiatan.Number, StringComparison.Ordinal) || entry.Document != AgendaDocuments.Disposisi))
        {
            throw new ArgumentException($"Agenda entry {entry.Nomor} is the {entry.Document} of kegiatan {entry.KegiatanNumber}, not the disposisi of {kegiatan.Number}.", nameof(request));
        }

        // The form is signed by whoever gave the Setuju, so without it there is nothing to sign.
        var step = LembarDisposisiDocument.StepOf(definition)
            ?? throw new ArgumentException($"{definition} has no disposition step.", nameof(request));
        var approved = kegiatan.Steps.LastOrDefault(r => r.Step == step.Number && r.Outcome == StepOutcome.Approved && r.FinishedBy is not null)
            ?? throw new ArgumentException($"Kegiatan {kegiatan.Number} has no approved disposition (step {step.Number}).", nameof(request));
        var by = approved.FinishedBy!;
        var kadis = RoleName(definition, step.Role);

        var jadwal = kegiatan.DateTimeValue(Fields.Jadwal);

        // An internal document: only dispositions made while it was still booked as an outgoing letter carry an agenda number.
        var rows = new List<LaporanEntry>();
        if (entry is not null)
        {
            rows.Add(new("Nomor agenda", LaporanText.Clean(entry.Nomor)));
        }

        var perihal = $"Disposisi pelaksanaan fasilitasi {kegiatan.Value(Fields.JenisFasilitasi) ?? ""} {KegiatanKoperasi.Names(kegiatan) ?? ""}";
        return new LembarDisposisi(
            LaporanText.Clean(kegiatan.Number),
            KopSurat.Of(definition.Header.Instansi, request.Kop),
            "LEMBAR DISPOSISI",
            [
                .. rows,
                new("Tanggal", entry is not null ? LaporanText.Tanggal(entry.Tanggal) : LaporanText.Tanggal(LaporanText.WibDate(approved.FinishedAt ?? default))),
                new("Dari", by.IsStandIn ? LaporanText.Clean(by.Describe()) : $"{LaporanText.Clean(by.Describe())}, {kadis}"),
                new("Kepada", LaporanText.CleanOrNull(entry?.Tujuan) ?? RoleName(definition, Role.KepalaBidang)),
                new("Perihal", LaporanText.CleanOrNull(entry?.Perihal) ?? LaporanText.CleanOrNull(perihal) ?? LaporanText.Dash),
                new("Nomor kegiatan", LaporanText.Clean(kegiatan.Number)),
                new("Jenis fasilitasi", ChoiceLabel(kegiatan, definition, Fields.JenisFasilitasi) ?? LaporanText.Dash),
                new("Nama koperasi", KoperasiLines.Names(kegiatan) ?? LaporanText.Dash),
                new("Kabupaten/Kota", ChoiceLabel(kegiatan, definition, Fields.KabupatenKota) ?? LaporanText.Dash),
                new("Jadwal", jadwal is { } at ? LaporanText.Pukul(at) : LaporanText.Dash),
                new("Tempat", Value(kegiatan, Fields.Tempat) ?? LaporanText.Dash),
            ],
            "Isi disposisi",
            Value(kegiatan, Fields.DisposisiKepalaDinas) ?? NoText,
            Signer(request, by, kadis));
    }

    /// <summary>
    /// The one who gave the Setuju signs: the Kepala Dinas, or a Plh./Plt. under their own name with "Plh. Kepala Dinas …" (the
    /// official's position) above it, as Indonesian letters are signed in someone's absence. Jabatan and NIP are the signer's
    /// own, each only when known.
    /// </summary>
    private static LaporanSignature Signer(DisposisiRequest request, Actor by, string kadis)
    {
        var caption = by.StandInTitle(kadis) is { } title ? LaporanText.Clean(title) : kadis;
        return new([$"{caption},"], LaporanText.Clean(by.Name), Details(request.People.Find(by.Id), kadis));
    }
}
