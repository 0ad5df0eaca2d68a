using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Tests.Support;
using static PerijinanBot.Sop.Tests.Support.Office;

namespace PerijinanBot.Sop.Tests.Engine;

/// <summary>
/// The calendar decides what a valid jadwal is: in the future, on a working day, within working hours. Step 2's form and a
/// change of jadwal at step 6 keep the same rule, and each refusal names its reason and the nearest working alternative. The
/// clock stands at Monday 13 July 2026 08:00 WIB (<see cref="Office.MondayMorning"/>).
/// </summary>
public sealed class JadwalRuleTests
{
    private const string Reason = "Aula dipakai kegiatan Dinas.";

    private readonly Office _office = new();

    public static TheoryData<string, string> Refused => new()
    {
        {
            "2026-07-10 09:00",
            "Jadwal pelaksanaan (Jumat, 10 Juli 2026 09.00 WIB) sudah lewat. Pilih waktu yang akan datang, misalnya Selasa, 14 Juli 2026 09.00."
        },
        {
            "19/07/2026 09.00",
            "Jadwal pelaksanaan jatuh pada hari Minggu, 19 Juli 2026, bukan hari kerja. Hari kerja terdekat: Senin, 20 Juli 2026 09.00."
        },
        {
            "18 Juli 2026 10.00",
            "Jadwal pelaksanaan jatuh pada hari Sabtu, 18 Juli 2026, bukan hari kerja. Hari kerja terdekat: Senin, 20 Juli 2026 10.00."
        },
        {
            "17-08-2026 09.00",
            "Jadwal pelaksanaan jatuh pada hari libur nasional Proklamasi Kemerdekaan (Senin, 17 Agustus 2026), bukan hari kerja. " +
            "Hari kerja terdekat: Selasa, 18 Agustus 2026 09.00."
        },
        {
            "24 Des 2026 09.00",
            "Jadwal pelaksanaan jatuh pada cuti bersama Kelahiran Yesus Kristus (Kamis, 24 Desember 2026), bukan hari kerja. " +
            "Hari kerja terdekat: Senin, 28 Desember 2026 09.00."
        },
        {
            "15/07/2026 17.00",
            "Jadwal pelaksanaan pukul 17.00 di luar jam kerja hari Rabu (07.30–16.00). Waktu kerja terdekat: Kamis, 16 Juli 2026 07.30."
        },
        {
            "15/07/2026 06.45",
            "Jadwal pelaksanaan pukul 06.45 di luar jam kerja hari Rabu (07.30–16.00). Waktu kerja terdekat: Rabu, 15 Juli 2026 07.30."
        },
        {
            "17/07/2026 16.30",
            "Jadwal pelaksanaan pukul 16.30 di luar jam kerja hari Jumat (07.30–16.30). Waktu kerja terdekat: Senin, 20 Juli 2026 07.30."
        },
        {
            "15/07/2026 12.30",
            "Jadwal pelaksanaan pukul 12.30 jatuh pada jam istirahat hari Rabu (12.00–13.00). Waktu kerja terdekat: Rabu, 15 Juli 2026 13.00."
        },
        {
            "17/07/2026 11.30",
            "Jadwal pelaksanaan pukul 11.30 jatuh pada jam istirahat hari Jumat (11.30–13.00). Waktu kerja terdekat: Jumat, 17 Juli 2026 13.00."
        },
        {
            "2026-07-13 08:00",
            "Jadwal pelaksanaan (Senin, 13 Juli 2026 08.00 WIB) sudah lewat. Pilih waktu yang akan datang, misalnya Selasa, 14 Juli 2026 08.00."
        },
        {
            "2025-12-14 21:00",
            "Jadwal pelaksanaan (Minggu, 14 Desember 2025 21.00 WIB) sudah lewat. Pilih waktu yang akan datang, misalnya Rabu, 15 Juli 2026 07.30."
        },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Step_2_refuses_a_jadwal_the_calendar_does_not_allow_with_its_reason_and_the_nearest_working_alternative(string typed, string problem)
    {
        var kegiatan = _office.Start();

        var refusal = _office.Refuse(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, Forms.Data(jadwal: typed)), RefusalCode.InvalidInput);

        Assert.Equal($"Isian belum benar: {problem}", refusal.Message);
    }

    [Theory]
    [InlineData("14/07/2026 07.30", 2026, 7, 14, 7, 30)]
    [InlineData("14 Juli 2026 15.59", 2026, 7, 14, 15, 59)]
    [InlineData("17-07-2026 16.15", 2026, 7, 17, 16, 15)]
    [InlineData("15 Jul 2026 13.00", 2026, 7, 15, 13, 0)]
    [InlineData("2026-07-13 08:01", 2026, 7, 13, 8, 1)]
    public void A_jadwal_on_a_working_day_within_working_hours_is_accepted_and_stored_as_before(string typed, int year, int month, int day, int hour, int minute)
    {
        var kegiatan = _office.Start();

        kegiatan = _office.Accept(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, Forms.Data(jadwal: typed)));

        var at = Wib(year, month, day, hour, minute);
        Assert.Equal(at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), kegiatan.Value("jadwal"));
    }

    [Fact]
    public void The_date_and_time_pickers_are_joined_into_the_jadwal()
    {
        var kegiatan = _office.Start();
        var form = Forms.Data().With(("jadwal", null), (DateTimeInput.DateId("jadwal"), "2026-07-16"), (DateTimeInput.TimeId("jadwal"), "13:30"));

        kegiatan = _office.Accept(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, form));

        Assert.Equal("2026-07-16T13:30:00+07:00", kegiatan.Value("jadwal"));
    }

    [Fact]
    public void A_picked_jadwal_is_held_to_the_calendar_too()
    {
        var kegiatan = _office.Start();
        var form = Forms.Data().With(("jadwal", null), (DateTimeInput.DateId("jadwal"), "2026-08-17"), (DateTimeInput.TimeId("jadwal"), "09:00"));

        var refusal = _office.Refuse(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, form), RefusalCode.InvalidInput);

        Assert.Contains("hari libur nasional Proklamasi Kemerdekaan (Senin, 17 Agustus 2026)", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-07-16", null, "Jadwal pelaksanaan: jamnya belum diisi, misalnya 09.00.")]
    [InlineData(null, "09:00", "Jadwal pelaksanaan: tanggalnya belum diisi, misalnya 14 Juli 2026.")]
    [InlineData(null, null, "Jadwal pelaksanaan wajib diisi.")]
    public void A_half_filled_picker_pair_says_which_half_is_missing(string? date, string? time, string problem)
    {
        var kegiatan = _office.Start();
        var form = Forms.Data().With(("jadwal", null), (DateTimeInput.DateId("jadwal"), date), (DateTimeInput.TimeId("jadwal"), time));

        var refusal = _office.Refuse(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, form), RefusalCode.InvalidInput);

        Assert.Equal($"Isian belum benar: {problem}", refusal.Message);
    }

    [Fact]
    public void Step_6_s_waktu_pelaksanaan_records_what_happened_and_is_no_jadwal()
    {
        var kegiatan = _office.WalkTo(6);
        _office.At(Wib(2026, 7, 15, 9, 4));

        // Recorded after the fact: a record of what happened, not a plan, so the jadwal rule (future, working hours) does not apply.
        kegiatan = _office.Accept(kegiatan, new RecordExecution(Staff.Rina, 6, kegiatan.Version, Forms.Execution().With(("waktuPelaksanaan", "15/07/2026 09.00"))));

        Assert.Equal("2026-07-15T09:00:00+07:00", kegiatan.Value("waktuPelaksanaan"));
    }

    public static TheoryData<string, string> RefusedMoves => new()
    {
        {
            "19 Juli 2026 09.00",
            "Jadwal pelaksanaan baru jatuh pada hari Minggu, 19 Juli 2026, bukan hari kerja. Hari kerja terdekat: Senin, 20 Juli 2026 09.00."
        },
        {
            "17/08/2026 13.30",
            "Jadwal pelaksanaan baru jatuh pada hari libur nasional Proklamasi Kemerdekaan (Senin, 17 Agustus 2026), bukan hari kerja. " +
            "Hari kerja terdekat: Selasa, 18 Agustus 2026 13.30."
        },
        {
            "2026-12-24 09:00",
            "Jadwal pelaksanaan baru jatuh pada cuti bersama Kelahiran Yesus Kristus (Kamis, 24 Desember 2026), bukan hari kerja. " +
            "Hari kerja terdekat: Senin, 28 Desember 2026 09.00."
        },
        {
            "16/07/2026 19.00",
            "Jadwal pelaksanaan baru pukul 19.00 di luar jam kerja hari Kamis (07.30–16.00). Waktu kerja terdekat: Jumat, 17 Juli 2026 07.30."
        },
        {
            "10/07/2026 09.00",
            "Jadwal pelaksanaan baru (Jumat, 10 Juli 2026 09.00 WIB) sudah lewat. Pilih waktu yang akan datang, misalnya Selasa, 14 Juli 2026 09.00. " +
            "Bila kegiatan sudah terlaksana, catat pelaksanaannya."
        },
    };

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Moving_the_jadwal_keeps_the_same_rule(string typed, string problem)
    {
        var kegiatan = _office.WalkTo(6);
        _office.At(Wib(2026, 7, 13, 10, 0));

        var refusal = _office.Refuse(kegiatan, new Reschedule(Staff.Rina, 6, kegiatan.Version, typed, null, Reason), RefusalCode.InvalidInput);

        Assert.Equal(problem, refusal.Message);
    }

    [Fact]
    public void A_jadwal_moved_by_the_pickers_to_a_working_day_is_accepted()
    {
        var kegiatan = _office.WalkTo(6);
        _office.At(Wib(2026, 7, 13, 10, 0));

        kegiatan = _office.Accept(kegiatan, new Reschedule(Staff.Rina, 6, kegiatan.Version, "16 Juli 2026 13.30", null, Reason));

        Assert.Equal("2026-07-16T13:30:00+07:00", kegiatan.Value("jadwal"));
    }

    [Fact]
    public void Only_the_tempat_moves_when_the_jadwal_is_kept_even_a_jadwal_now_past()
    {
        var kegiatan = _office.WalkTo(6);
        _office.At(Wib(2026, 7, 15, 9, 2));

        kegiatan = _office.Accept(kegiatan, new Reschedule(Staff.Rina, 6, kegiatan.Version, null, "Ruang Rapat Bidang", Reason));

        Assert.Equal(("2026-07-15T09:00:00+07:00", "Ruang Rapat Bidang"), (kegiatan.Value("jadwal"), kegiatan.Value("tempat")));
    }
}
