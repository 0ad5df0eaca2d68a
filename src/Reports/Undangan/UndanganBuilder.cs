using PerijinanBot.Reports.Agenda;
using PerijinanBot.Reports.Laporan;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Engine;
using static PerijinanBot.Reports.Laporan.KegiatanFacts;

namespace PerijinanBot.Reports.Undangan;

/// <summary>Reads a kegiatan whose disposition was given into the invitation to its koperasi and narasumber.</summary>
internal static class UndanganBuilder
{
    public const string Hal = "Undangan";

    private const string DottedName = "(....................................................)";

    public static SuratUndangan Build(UndanganRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Kegiatan, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Definition, nameof(request));
        ArgumentNullException.ThrowIfNull(request.People, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Undangan, nameof(request));

        var (kegiatan, definition, entry) = (request.Kegiatan, request.Definition, request.Undangan);
        var settings = request.Settings ?? UndanganSettings.Default;
        if (kegiatan.DefinitionId != definition.Id || kegiatan.DefinitionVersion != definition.Version)
        {
            throw new ArgumentException(
                $"Kegiatan {kegiatan.Number} runs on {kegiatan.DefinitionId} v{kegiatan.DefinitionVersion}, not on {definition}.", nameof(request));
        }

        if (!string.Equals(entry.KegiatanNumber, kegiatan.Number, StringComparison.Ordinal) || entry.Document != AgendaDocuments.Undangan)
        {
            throw new ArgumentException($"Agenda entry {entry.Nomor} is the {entry.Document} of kegiatan {entry.KegiatanNumber}, not the undangan of {kegiatan.Number}.", nameof(request));
        }

        // The invitation states the jadwal, decided at step 2: without it there is nothing to invite to.
        var jadwal = kegiatan.DateTimeValue(Fields.Jadwal)
            ?? throw new ArgumentException($"Kegiatan {kegiatan.Number} has no jadwal yet.", nameof(request));
        var hari = WibFormat.Date(LaporanText.WibDate(jadwal));
        var pukul = $"{WibFormat.Time(jadwal)} WIB";
        var jenis = ChoiceLabel(kegiatan, definition, Fields.JenisFasilitasi) ?? LaporanText.Dash;
        var koperasi = UndanganKoperasi.Names(kegiatan);
        var narasumber = Lines(kegiatan, Fields.CalonNarasumber);

        return new SuratUndangan(
            LaporanText.Clean(kegiatan.Number),
            KopSurat.Of(definition.Header.Instansi, request.Kop),
            $"{LaporanText.Clean(settings.Kota)}, {LaporanText.Tanggal(entry.Tanggal)}",
            [
                new("Nomor", LaporanText.Clean(entry.Nomor)),
                new("Sifat", LaporanText.CleanOrNull(settings.Sifat) ?? LaporanText.Dash),
                new("Lampiran", LaporanText.CleanOrNull(settings.Lampiran) ?? LaporanText.Dash),
                new("Hal", Hal),
            ],
            Kepada(koperasi, narasumber),
            $"Dalam rangka pelaksanaan fasilitasi {jenis} bagi {Joined(koperasi)}, dengan hormat kami mengundang Bapak/Ibu/Saudara untuk hadir pada kegiatan yang akan dilaksanakan pada:",
            [
                new("Hari/tanggal", hari),
                new("Pukul", $"{pukul} s.d. selesai"),
                new("Tempat", Value(kegiatan, Fields.Tempat) ?? LaporanText.Dash),
                new("Acara", Value(kegiatan, Fields.Judul) ?? $"Fasilitasi {jenis}"),
                new("Materi", Value(kegiatan, Fields.MateriSubstansi) ?? LaporanText.Dash),
                new("Narasumber", narasumber.Count > 0 ? string.Join('\n', narasumber) : LaporanText.Dash),
                new("Peserta", Value(kegiatan, Fields.CalonPeserta) ?? LaporanText.Dash),
            ],
            "Mengingat pentingnya kegiatan tersebut, kami mengharapkan kehadiran Bapak/Ibu/Saudara tepat pada waktunya. Demikian undangan ini kami sampaikan; atas perhatian dan kehadirannya diucapkan terima kasih.",
            Signer(request, settings));
    }

    /// <summary>
    /// "Yth." then every koperasi (its pengurus) and every narasumber, numbered when there is more than one addressee, then
    /// "di Tempat", as an Indonesian letter addresses several recipients.
    /// </summary>
    public static IReadOnlyList<string> Kepada(IReadOnlyList<string> koperasi, IReadOnlyList<string> narasumber)
    {
        var addressees = koperasi.Select(k => $"Pengurus {k}").Concat(narasumber).ToList();
        if (addressees.Count == 0)
        {
            addressees.Add("Bapak/Ibu/Saudara peserta kegiatan");
        }

        var lines = new List<string> { "Yth." };
        lines.AddRange(addressees.Count == 1 ? addressees : addressees.Select((a, i) => $"{i + 1}. {a}"));
        lines.Add("di Tempat");
        return lines;
    }

    /// <summary>"KSP A", "KSP A dan KSP B", "KSP A, KSP B, dan KSP C".</summary>
    private static string Joined(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "koperasi",
        1 => names[0],
        2 => $"{names[0]} dan {names[1]}",
        _ => $"{string.Join(", ", names.Take(names.Count - 1))}, dan {names[^1]}",
    };

    /// <summary>A multiline field's non-empty lines, each cleaned (one narasumber per line).</summary>
    private static List<string> Lines(Kegiatan kegiatan, string fieldId) =>
        [.. (kegiatan.Value(fieldId) ?? "").Split('\n').Select(LaporanText.CleanOrNull).OfType<string>()];

    /// <summary>
    /// The official set in configuration signs: whoever gave that role's Setuju in this kegiatan (a Plh. under "Plh. …"), else
    /// the directory's holder of the role, else a dotted line to sign by hand.
    /// </summary>
    private static LaporanSignature Signer(UndanganRequest request, UndanganSettings settings)
    {
        var position = LaporanText.CleanOrNull(settings.SignerPosition) ?? RoleName(request.Definition, settings.Signer);
        if (Approval(request.Kegiatan, request.Definition, settings.Signer)?.FinishedBy is { } by)
        {
            var caption = by.StandInTitle(position) is { } title ? LaporanText.Clean(title) : position;
            return new([$"{caption},"], LaporanText.Clean(by.Name), Details(request.People.Find(by.Id), position));
        }

        return request.People.HoldersOf(settings.Signer) is [var holder, ..]
            ? new([$"{position},"], LaporanText.Clean(holder.Name), Details(holder, position))
            : new([$"{position},"], DottedName, [], Vacant: true);
    }
}
