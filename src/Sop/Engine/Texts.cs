using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;

namespace PerijinanBot.Sop.Engine;

/// <summary>Every sentence the engine says to a person when it refuses. Bahasa Indonesia, formal but short.</summary>
internal static class Texts
{
    public const string NotRegistered =
        "Anda belum terdaftar sebagai pegawai Bidang di PerijinanBot. Hubungi Admin agar peran Anda dicatat.";

    public const string RejectReasonRequired = "Alasan wajib diisi saat memilih Tidak, agar penerima tahu apa yang harus diperbaiki.";

    public const string CancelReasonRequired = "Alasan pembatalan wajib diisi.";

    public const string ReassignTargetUnknown = "Orang yang dituju belum terdaftar di PerijinanBot.";

    public static string UnknownSop(string id) => $"SOP “{id}” tidak dikenal.";

    public static string DefinitionMissing(Kegiatan kegiatan) =>
        $"Definisi SOP {kegiatan.DefinitionId} versi {kegiatan.DefinitionVersion} untuk kegiatan {kegiatan.Number} tidak tersedia lagi. Hubungi Admin.";

    public static string StartNotAllowed(SopDefinition definition) =>
        $"Hanya {ShortName(definition, definition.FirstStep)} yang dapat memulai kegiatan ini.";

    public static string Finished(Kegiatan kegiatan) => kegiatan.Cancellation is { } c
        ? $"Kegiatan {kegiatan.Number} sudah dibatalkan oleh {c.By.Describe()} pada {WibFormat.DateTime(c.At)}. Alasan: {c.Reason}"
        : $"Kegiatan {kegiatan.Number} sudah selesai pada {WibFormat.DateTime(kegiatan.ClosedAt ?? kegiatan.UpdatedAt)}; tidak ada lagi langkah yang menunggu tindakan.";

    public static string NotAvailable(StepDefinition step, SopTrigger trigger, TransitionTable table) =>
        $"Tindakan “{trigger.Label()}” tidak tersedia pada langkah {step.Number} ({step.Title}). " +
        $"Yang tersedia: {string.Join(", ", table.PermittedTriggers(step.Number).Select(t => $"“{t.Label()}”"))}.";

    public static string NotYours(SopDefinition definition, StepDefinition step, PersonRef? assignee, bool actorHoldsRole)
    {
        var role = ShortName(definition, step);
        if (assignee is null)
        {
            return $"Langkah ini belum memiliki pelaksana ({role}). Admin atau {SuperiorName(definition, step)} perlu menugaskannya.";
        }

        if (step.IsDecision)
        {
            return actorHoldsRole
                ? $"Langkah ini menunggu keputusan {assignee.Name} ({role}), bukan Anda."
                : $"Langkah ini menunggu keputusan {role}, bukan Anda.";
        }

        return $"Langkah ini ditugaskan kepada {assignee.Name} ({role}), bukan Anda.";
    }

    public static string ReassignNotAllowed(SopDefinition definition, StepDefinition step) =>
        $"Pengalihan langkah ini hanya dapat dilakukan oleh Admin atau {SuperiorName(definition, step)}.";

    public static string ReassignWrongRole(string name, SopDefinition definition, StepDefinition step) =>
        $"{name} tidak memegang peran {ShortName(definition, step)}, jadi tidak dapat menerima langkah ini.";

    public static string AlreadyAssigned(PersonRef assignee) => $"Langkah ini sudah ditugaskan kepada {assignee.Name}.";

    public static string CancelNotAllowed(SopDefinition definition)
    {
        var who = definition.CancelBy.Select(rule =>
        {
            var name = definition.Roles.First(r => r.Role == rule.Role).ShortName;
            return rule.Rule switch
            {
                AssignmentRule.Starter => $"{name} yang memulai kegiatan ini",
                AssignmentRule.AssignedAtStart => $"{name} yang ditugaskan pada kegiatan ini",
                _ => name,
            };
        });
        return $"Pembatalan hanya dapat dilakukan oleh {string.Join(" atau ", who)}.";
    }

    public const string RescheduleReasonRequired = "Alasan perubahan jadwal wajib diisi, agar semua yang terlibat tahu mengapa jadwal berubah.";

    public const string RescheduleNothingChanged =
        "Jadwal dan tempat yang diisi sama dengan yang sudah tercatat; tidak ada yang diubah. Isi jadwal atau tempat yang baru.";

    public const string RescheduleNoTempat = "Tempat tidak dapat diubah karena SOP ini tidak mencatat tempat pelaksanaan.";

    public static string RescheduleReasonTooLong(int length) =>
        $"Alasan perubahan jadwal paling banyak {WibFormat.Number(RescheduleRules.MaxReasonLength)} karakter (saat ini {WibFormat.Number(length)}).";

    public static string RescheduleNotAvailable(SopDefinition definition, StepDefinition current, StepDefinition? scheduled) => scheduled is null
        ? $"SOP {definition.Header.NomorSop} tidak memiliki langkah berjadwal, jadi tidak ada jadwal yang dapat diubah."
        : $"Jadwal hanya dapat diubah selama kegiatan menunggu langkah {scheduled.Number} ({scheduled.Title}), yaitu setelah disposisi dan sebelum pelaksanaannya dicatat. " +
          $"Kegiatan ini sekarang berada pada langkah {current.Number} ({current.Title}).";

    public static string RescheduleNotAllowed(SopDefinition definition, StepDefinition step, PersonRef? assignee)
    {
        var role = ShortName(definition, step);
        var holder = assignee is null ? role : $"{role} yang memegang langkah ini ({assignee.Name})";
        return $"Jadwal pelaksanaan hanya dapat diubah oleh {holder} atau {SuperiorName(definition, step)}.";
    }

    public static string RescheduleNoJadwal(StepDefinition dataStep, FieldDefinition jadwal) =>
        $"{jadwal.Label} belum tercatat pada langkah {dataStep.Number} ({dataStep.Title}), jadi belum ada jadwal yang dapat diubah.";

    public static string EditKoperasiNotAvailable(StepDefinition current, StepDefinition? at) => at is null
        ? "SOP ini tidak mencatat data koperasi yang dapat diubah di luar formulir awal."
        : $"Data koperasi hanya dapat diubah selama kegiatan menunggu langkah {at.Number} ({at.Title}). Kegiatan ini sekarang berada pada langkah {current.Number} ({current.Title}).";

    public static string EditKoperasiNotAllowed(SopDefinition definition, StepDefinition step, PersonRef? assignee)
    {
        var role = ShortName(definition, step);
        var holder = assignee is null ? role : $"{role} yang memegang langkah ini ({assignee.Name})";
        return $"Data koperasi hanya dapat diubah oleh {holder} atau Plh.-nya.";
    }

    public const string EditKoperasiEmpty = "Isi paling sedikit satu koperasi (nama koperasi wajib diisi).";

    public const string EditKoperasiNothingChanged = "Data koperasi tidak berubah; ubah salah satu isian lalu simpan lagi.";

    public const string RescheduleAlreadyHeld = "Bila kegiatan sudah terlaksana, catat pelaksanaannya.";

    public static string NotADateTime(FieldDefinition field, string typed, DateOnly example) =>
        $"{field.Label}{Quoted(typed)} tidak dikenali sebagai tanggal dan jam. Tulis seperti {WibFormat.PlainDate(example)} 09.00.";

    public static string NotADate(FieldDefinition field, string typed, DateOnly example) =>
        $"{field.Label}{Quoted(typed)} tidak dikenali sebagai tanggal. Tulis seperti {WibFormat.PlainDate(example)}.";

    public static string TimeMissing(FieldDefinition field) => $"{field.Label}: jamnya belum diisi, misalnya 09.00.";

    public static string DateMissing(FieldDefinition field, DateOnly example) =>
        $"{field.Label}: tanggalnya belum diisi, misalnya {WibFormat.PlainDate(example)}.";

    public static string JadwalPast(string label, DateTimeOffset at, DateTimeOffset alternative) =>
        $"{label} ({WibFormat.DateTime(at)}) sudah lewat. Pilih waktu yang akan datang, misalnya {Typeable(alternative)}.";

    public static string JadwalOnHoliday(string label, DateOnly day, Holiday holiday, DateTimeOffset alternative)
    {
        var what = holiday.Kind == HolidayKind.CutiBersama
            ? "cuti bersama " + (holiday.Name.StartsWith("Cuti bersama ", StringComparison.OrdinalIgnoreCase) ? holiday.Name["Cuti bersama ".Length..] : holiday.Name)
            : "hari libur nasional " + holiday.Name;
        return $"{label} jatuh pada {what} ({WibFormat.Date(day)}), bukan hari kerja. Hari kerja terdekat: {Typeable(alternative)}.";
    }

    public static string JadwalOffDay(string label, DateOnly day, DateTimeOffset alternative) =>
        $"{label} jatuh pada hari {WibFormat.DayName(day.DayOfWeek)}, {WibFormat.PlainDate(day)}, bukan hari kerja. Hari kerja terdekat: {Typeable(alternative)}.";

    /// <param name="hours">The day's working periods: the first start to the last end is "jam kerja", the gaps are breaks.</param>
    public static string JadwalOutsideHours(string label, DateTimeOffset at, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> hours, DateTimeOffset alternative)
    {
        var day = WibFormat.DayName(at.DayOfWeek);
        var gap = hours.Zip(hours.Skip(1)).FirstOrDefault(p => p.First.End <= at && at < p.Second.Start);
        var where = gap != default
            ? $"jatuh pada jam istirahat hari {day} ({WibFormat.Time(gap.First.End)}–{WibFormat.Time(gap.Second.Start)})"
            : $"di luar jam kerja hari {day} ({WibFormat.Time(hours[0].Start)}–{WibFormat.Time(hours[^1].End)})";
        return $"{label} pukul {WibFormat.Time(at)} {where}. Waktu kerja terdekat: {Typeable(alternative)}.";
    }

    public static string RecordedBeforeJadwalDay(DateTimeOffset jadwal) =>
        $"Pelaksanaan dicatat pada hari kegiatan, saat kegiatan dimulai. Jadwalnya {WibFormat.DateTime(jadwal)}. Bila jadwal berubah, ubah jadwalnya terlebih dahulu.";

    /// <param name="changes">Each changed field: its label, the value given and the value planned, both as a person reads them.</param>
    public static string ChangeWithoutReason(IReadOnlyList<(string Label, string Value, string Planned)> changes, string reasonLabel) =>
        string.Join(" ", changes.Select(c => $"{c.Label} ({c.Value}) berbeda dari rencana ({c.Planned}).")) + $" Isi “{reasonLabel}”.";

    public static string IncompleteKelengkapan(IReadOnlyList<string> missing) =>
        $"Kelengkapan belum lengkap: {string.Join(", ", missing)}. Centang semua kelengkapan sebelum melanjutkan.";

    public static string InvalidFields(IReadOnlyList<string> problems) =>
        $"Isian belum benar: {string.Join(" ", problems)}";

    // What a person typed, quoted, when it is short enough to be a date at all.
    private static string Quoted(string typed) => typed.Length <= WibParse.MaxLength ? $" “{typed}”" : "";

    // "Senin, 14 Desember 2026 09.00": how the product writes a date and time, and a form the date parser reads back.
    private static string Typeable(DateTimeOffset at) => $"{WibFormat.Date(DateOnly.FromDateTime(at.DateTime))} {WibFormat.Time(at)}";

    public static string ShortName(SopDefinition definition, StepDefinition step) =>
        definition.Roles.FirstOrDefault(r => r.Role == step.Role)?.ShortName ?? step.RoleName;

    private static string SuperiorName(SopDefinition definition, StepDefinition step)
    {
        var superior = definition.Roles.FirstOrDefault(r => r.Role == step.Role)?.Superior;
        return superior is null ? "atasan" : definition.Roles.FirstOrDefault(r => r.Role == superior)?.ShortName ?? "atasan";
    }
}
