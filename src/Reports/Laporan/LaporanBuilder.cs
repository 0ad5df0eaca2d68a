using System.Globalization;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;
using static PerijinanBot.Reports.Laporan.KegiatanFacts;

namespace PerijinanBot.Reports.Laporan;

/// <summary>Reads a reported kegiatan into the printed model: sections I–V, the signatures and the appendix.</summary>
internal static class LaporanBuilder
{
    private const string DottedName = "(....................................................)";

    public static LaporanKegiatan Build(LaporanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Kegiatan, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Definition, nameof(request));
        ArgumentNullException.ThrowIfNull(request.People, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Laporan, nameof(request));

        var (kegiatan, definition) = (request.Kegiatan, request.Definition);
        if (kegiatan.DefinitionId != definition.Id || kegiatan.DefinitionVersion != definition.Version)
        {
            throw new ArgumentException(
                $"Kegiatan {kegiatan.Number} runs on {kegiatan.DefinitionId} v{kegiatan.DefinitionVersion}, not on {definition}.", nameof(request));
        }

        foreach (var entry in new[] { request.Disposisi, request.Laporan })
        {
            if (entry is not null && !string.Equals(entry.KegiatanNumber, kegiatan.Number, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Agenda entry {entry.Nomor} belongs to kegiatan {entry.KegiatanNumber}, not {kegiatan.Number}.", nameof(request));
            }
        }

        // The report is signed by whoever submitted it, so without a submitted report there is nothing to sign.
        var reportStep = definition.Steps.LastOrDefault(s => s.Kind == StepKind.Report)
            ?? throw new ArgumentException($"{definition} has no report step.", nameof(request));
        var reported = kegiatan.Steps.LastOrDefault(r => r.Step == reportStep.Number && r.Outcome == StepOutcome.Reported && r.FinishedBy is not null)
            ?? throw new ArgumentException($"Kegiatan {kegiatan.Number} has no submitted report (step {reportStep.Number}).", nameof(request));

        return new LaporanKegiatan(
            LaporanText.Clean(kegiatan.Number),
            KopSurat.Of(definition.Header.Instansi, request.Kop),
            "LAPORAN KEGIATAN",
            [
                new("Nomor", LaporanText.Clean(request.Laporan.Nomor)),
                new("Perihal", LaporanText.Clean(request.Laporan.Perihal)),
                new("Tanggal", LaporanText.Tanggal(request.Laporan.Tanggal)),
                new("Nomor kegiatan", LaporanText.Clean(kegiatan.Number)),
            ],
            [Dasar(request), Pelaksanaan(request), Hasil(kegiatan, definition), LaporanDokumentasiSection.Build(kegiatan, request.Dokumentasi), Penutup()],
            [Mengetahui(request), Pelapor(request, reportStep, reported.FinishedBy!)],
            LaporanTrail.Build(request),
            LaporanDokumentasiSection.Berkas(request.Dokumentasi));
    }

    private static LaporanSection Dasar(LaporanRequest request)
    {
        var (kegiatan, definition) = (request.Kegiatan, request.Definition);
        var kadis = RoleName(definition, Role.KepalaDinas);
        var kabid = RoleName(definition, Role.KepalaBidang);
        var blocks = new List<LaporanBlock>
        {
            new LaporanParagraph(
                $"Kegiatan ini dilaksanakan berdasarkan disposisi {kadis} kepada {kabid} untuk ditindaklanjuti, sesuai Standar Operasional " +
                $"Prosedur {LaporanText.Clean(definition.Header.Nama)} Nomor {LaporanText.Clean(definition.Header.NomorSop)}."),
        };

        // The Lembar Disposisi is an internal document, outside the register: only one booked there before carries a number.
        if (request.Disposisi is { } agenda)
        {
            blocks.Add(new LaporanEntry("Nomor agenda", $"{LaporanText.Clean(agenda.Nomor)}, tanggal {LaporanText.Tanggal(agenda.Tanggal)}"));
        }

        var approved = KegiatanFacts.Approval(kegiatan, definition, Role.KepalaDinas);
        if (approved?.FinishedBy is { } by && approved.FinishedAt is { } at)
        {
            blocks.Add(new LaporanEntry("Diberikan oleh", by.IsStandIn ? LaporanText.Clean(by.Describe()) : $"{LaporanText.Clean(by.Describe())}, {kadis}"));
            blocks.Add(new LaporanEntry("Waktu disposisi", LaporanText.Pukul(at)));
            blocks.Add(new LaporanEntry("Isi disposisi", Value(kegiatan, Fields.DisposisiKepalaDinas) ?? "Setuju untuk ditindaklanjuti (tanpa catatan)."));
        }
        else
        {
            blocks.Add(new LaporanEntry("Diberikan oleh", $"Persetujuan {kadis} tidak tercatat pada riwayat kegiatan."));
        }

        return new("I. DASAR", blocks);
    }

    private static LaporanSection Pelaksanaan(LaporanRequest request)
    {
        var (kegiatan, definition) = (request.Kegiatan, request.Definition);
        var when = kegiatan.DateTimeValue(Fields.WaktuPelaksanaan) ?? kegiatan.DateTimeValue(Fields.Jadwal);
        var blocks = new List<LaporanBlock>
        {
            new LaporanEntry("Jenis fasilitasi", ChoiceLabel(kegiatan, definition, Fields.JenisFasilitasi) ?? LaporanText.Dash),
            new LaporanEntry("Judul kegiatan", Value(kegiatan, Fields.Judul) ?? LaporanText.Dash),
            new LaporanEntry("Koperasi", KoperasiLines.Detail(kegiatan, definition) ?? LaporanText.Dash),
            new LaporanEntry("Kabupaten/Kota", ChoiceLabel(kegiatan, definition, Fields.KabupatenKota) ?? LaporanText.Dash),
            new LaporanEntry("Hari/tanggal", when is { } day ? WibFormat.Date(LaporanText.WibDate(day)) : LaporanText.Dash),
            new LaporanEntry("Pukul", when is { } time ? $"{WibFormat.Time(time)} WIB" : LaporanText.Dash),
            new LaporanEntry("Tempat", Value(kegiatan, Fields.TempatPelaksanaan) ?? Value(kegiatan, Fields.Tempat) ?? LaporanText.Dash),
        };
        // Held other than planned (step 6's reason for a waktu or tempat other than step 2's jadwal and tempat).
        if (Value(kegiatan, Fields.AlasanPerubahan) is { } changed)
        {
            blocks.Add(new LaporanEntry("Perubahan dari rencana", changed));
        }

        blocks.AddRange(
        [
            new LaporanEntry("Materi", Value(kegiatan, Fields.MateriSubstansi) ?? LaporanText.Dash),
            new LaporanEntry("Jumlah peserta", Value(kegiatan, Fields.JumlahPeserta) is { } count
                ? long.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? $"{WibFormat.Number(n)} orang" : count
                : LaporanText.Dash),
            new LaporanEntry("Peserta", Value(kegiatan, Fields.CalonPeserta) ?? LaporanText.Dash),
            new LaporanEntry("Narasumber", Value(kegiatan, Fields.CalonNarasumber) ?? LaporanText.Dash),
        ]);

        if (LaporanText.CleanOrNull(kegiatan.Starter.Name) is { } starter)
        {
            blocks.Add(new LaporanEntry(RoleName(definition, definition.FirstStep.Role), starter));
        }

        // The people picked in the start form (the Anggota Tim Kerja given the disposition), under their role's name.
        foreach (var field in definition.FirstStep.Fields.Where(f => f.Kind == FieldKind.Person))
        {
            if (kegiatan.AssignedAtStart.TryGetValue(field.Id, out var person) && LaporanText.CleanOrNull(person.Name) is { } name)
            {
                blocks.Add(new LaporanEntry(field.Role is { } role ? RoleName(definition, role) : LaporanText.Clean(field.Label), name));
            }
        }

        return new("II. PELAKSANAAN", blocks);
    }

    private static LaporanSection Hasil(Kegiatan kegiatan, SopDefinition definition)
    {
        var blocks = new List<LaporanBlock> { new LaporanEntry("Ringkasan hasil", Value(kegiatan, Fields.RingkasanHasil) ?? LaporanText.Dash) };
        if (KoperasiLines.Results(kegiatan, definition) is { } perKoperasi)
        {
            blocks.Add(new LaporanEntry("Hasil per koperasi", perKoperasi));
        }

        if (Value(kegiatan, Fields.CatatanPelaksanaan) is { } pelaksanaan)
        {
            blocks.Add(new LaporanEntry("Catatan pelaksanaan", pelaksanaan));
        }

        if (Value(kegiatan, Fields.Catatan) is { } catatan)
        {
            blocks.Add(new LaporanEntry("Catatan", catatan));
        }

        return new("III. HASIL", blocks);
    }

    private static LaporanSection Penutup() =>
        new("V. PENUTUP", [new LaporanParagraph("Demikian laporan kegiatan ini disampaikan untuk dapat dipergunakan sebagaimana mestinya.")]);

    /// <summary>
    /// The reporter: the person who submitted the report step; a Plh./Plt. signs under their own name with "Plh. …" (the
    /// official's position) above it.
    /// </summary>
    private static LaporanSignature Pelapor(LaporanRequest request, StepDefinition reportStep, Actor actor)
    {
        var person = request.People.Find(actor.Id);
        var role = RoleName(request.Definition, reportStep.Role);
        var caption = actor.StandInTitle(role) is { } title ? LaporanText.Clean(title) : role;
        return new(["Yang melaporkan,", caption], LaporanText.Clean(actor.Name), Details(person, null));
    }

    /// <summary>
    /// The Kepala Bidang who acknowledges: preferably the one who approved this kegiatan (if they still hold the role), otherwise
    /// the current holder; a dotted line when the role is vacant, so it can be signed by hand.
    /// </summary>
    private static LaporanSignature Mengetahui(LaporanRequest request)
    {
        var (kegiatan, definition, people) = (request.Kegiatan, request.Definition, request.People);
        var role = RoleName(definition, Role.KepalaBidang);
        var approver = KegiatanFacts.Approval(kegiatan, definition, Role.KepalaBidang)?.FinishedBy;
        var holder = people.Find(approver?.OnBehalfOf?.Id ?? approver?.Id) is { } p && p.Holds(Role.KepalaBidang)
            ? p
            : people.HoldersOf(Role.KepalaBidang) is [var first, ..] ? first : null;
        var name = LaporanText.CleanOrNull(holder?.Name);
        return new(["Mengetahui,", role], name ?? DottedName, Details(holder, role), Vacant: name is null);
    }
}
