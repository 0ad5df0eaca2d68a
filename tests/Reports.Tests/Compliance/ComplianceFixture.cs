using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Koperasi;

namespace PerijinanBot.Reports.Tests.Compliance;

/// <summary>
/// Seven kegiatan with hand-picked measurements, so every figure of November 2026 can be worked out on paper:
/// A closed on its own, B closed after Tidak at steps 3 and 5 (one decided by a Plh.), C cancelled at step 4, D open and late
/// after a Tidak at step 4, E open and not late, F finished outside November, G of another SOP. All times are WIB.
/// </summary>
internal static class ComplianceFixture
{
    public const string KoperasiA = "Koperasi \"Maju <Bersama> & Sejahtera\"";
    public const string KoperasiB = "=SUM(A1:A2) Credit Union Sejahtera 🌾";
    /// <summary>A kegiatan for two koperasi, stored as a koperasi list: the export's column shows both names.</summary>
    public static readonly string KoperasiC = KoperasiList.Serialize(
    [
        new KoperasiEntry { Nama = "KSP Pancur Kasih", Nik = "6112010123456789" },
        new KoperasiEntry { Nama = "KSP Keling Kumang", Nib = "9120001234567" },
    ]);

    public const string KoperasiD = "Koperasi Mekar\tJaya\r\n_x0041_ cabang";
    public const string KoperasiE = "Koperasi \u0001Sinar\uFFFE";
    public const string ReasonB3 = "Jadwal & tempat belum lengkap <cek lagi>";
    public const string ReasonB5 = "Narasumber belum dikonfirmasi 🙏";
    public const string ReasonD4 = "Materi kurang lengkap";

    public static readonly PersonRef Ketua = new("ketua-1", "Rina Marlina");
    public static readonly PersonRef Anggota = new("anggota-1", "Dedi Kurniawan");
    public static readonly PersonRef Kabid = new("kabid-1", "Hendra Wijaya");
    public static readonly PersonRef Kadis = new("kadis-1", "Syarif Hidayat");
    public static readonly Actor KadisStandIn = new("plh-1", "Budi Santoso", Kadis, "ST 800/12/2026");

    /// <summary>When the report is computed: Tuesday 1 December 2026, 08.00 WIB.</summary>
    public static readonly DateTimeOffset Now = Wib(12, 1, 8, 0);

    public static SopDefinition Definition => SopCatalog.Embedded.Find("fasilitasi-perijinan", 1)!;

    public static WorkCalendar Calendar => WorkCalendar.Default;

    public static IReadOnlyList<Kegiatan> All => [A, B, C, D, E, F, G];

    public static DateTimeOffset Wib(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    private static Kegiatan A => Kegiatan("FAS-2026-0001", KegiatanStatus.Closed, 7, KoperasiA, "IUSP",
        Done(1, 1, Wib(10, 30, 16, 20), Wib(11, 1, 1, 0), StepOutcome.Completed, 10),
        Done(2, 1, Wib(11, 1, 1, 0), Wib(11, 2, 8, 20), StepOutcome.Completed, 50),
        Done(3, 1, Wib(11, 2, 8, 20), Wib(11, 2, 8, 30), StepOutcome.Approved, 10),
        Done(4, 1, Wib(11, 2, 8, 30), Wib(11, 2, 8, 50), StepOutcome.Approved, 20),
        Done(5, 1, Wib(11, 2, 8, 50), Wib(11, 2, 9, 2), StepOutcome.Approved, 12),
        Done(6, 1, Wib(11, 2, 9, 2), Wib(11, 10, 9, 5), StepOutcome.Executed, 5),
        Done(7, 1, Wib(11, 10, 9, 5), Wib(11, 11, 11, 5), StepOutcome.Reported, 600));

    private static Kegiatan B => Kegiatan("FAS-2026-0002", KegiatanStatus.Closed, 7, KoperasiB, "IKC",
        Done(1, 1, Wib(11, 3, 8, 0), Wib(11, 3, 8, 4), StepOutcome.Completed, 4),
        Done(2, 1, Wib(11, 3, 8, 4), Wib(11, 3, 9, 14), StepOutcome.Completed, 70),
        Done(3, 1, Wib(11, 3, 9, 14), Wib(11, 3, 9, 22), StepOutcome.SentBack, 8) with { Reason = ReasonB3, SentBackTo = 2 },
        Done(2, 2, Wib(11, 3, 9, 22), Wib(11, 3, 9, 52), StepOutcome.Completed, 30),
        Done(3, 2, Wib(11, 3, 9, 52), Wib(11, 3, 10, 6), StepOutcome.Approved, 14),
        Done(4, 1, Wib(11, 3, 10, 6), Wib(11, 3, 10, 21), StepOutcome.Approved, 15),
        Done(5, 1, Wib(11, 3, 10, 21), Wib(11, 3, 11, 1), StepOutcome.SentBack, 40) with { Reason = ReasonB5, SentBackTo = 4, FinishedBy = KadisStandIn },
        Done(4, 2, Wib(11, 3, 11, 1), Wib(11, 3, 11, 26), StepOutcome.Approved, 25),
        Done(5, 2, Wib(11, 3, 11, 26), Wib(11, 3, 11, 36), StepOutcome.Approved, 10),
        Done(6, 1, Wib(11, 3, 11, 36), Wib(11, 17, 9, 2), StepOutcome.Executed, 2),
        Done(7, 1, Wib(11, 17, 9, 2), Wib(11, 19, 15, 30), StepOutcome.Reported, 1200));

    private static Kegiatan C => Kegiatan("FAS-2026-0003", KegiatanStatus.Cancelled, 4, KoperasiC, "IKCP",
        Done(1, 1, Wib(11, 4, 8, 0), Wib(11, 4, 8, 2), StepOutcome.Completed, 2),
        Done(2, 1, Wib(11, 4, 8, 2), Wib(11, 4, 8, 47), StepOutcome.Completed, 45),
        Done(3, 1, Wib(11, 4, 8, 47), Wib(11, 4, 9, 5), StepOutcome.Approved, 18),
        Open(4, 1, Wib(11, 4, 9, 5), Wib(11, 4, 9, 20)) with
        {
            FinishedAt = Wib(11, 5, 10, 0),
            Outcome = StepOutcome.Cancelled,
            FinishedBy = Actor(Ketua),
            Reason = "Koperasi menarik permohonan",
        });

    private static Kegiatan D => Kegiatan("FAS-2026-0004", KegiatanStatus.Open, 3, KoperasiD, "IKK",
        Done(1, 1, Wib(11, 23, 8, 0), Wib(11, 23, 8, 5), StepOutcome.Completed, 5),
        Done(2, 1, Wib(11, 23, 8, 5), Wib(11, 23, 9, 0), StepOutcome.Completed, 55),
        Done(3, 1, Wib(11, 23, 9, 0), Wib(11, 23, 9, 20), StepOutcome.Approved, 20),
        Done(4, 1, Wib(11, 23, 9, 20), Wib(11, 23, 9, 50), StepOutcome.SentBack, 30) with { Reason = ReasonD4, SentBackTo = 3 },
        Open(3, 2, Wib(11, 23, 9, 50), Wib(11, 23, 10, 5)));

    private static Kegiatan E => Kegiatan("FAS-2026-0005", KegiatanStatus.Open, 2, KoperasiE, "IUSP",
        Done(1, 1, Wib(11, 30, 15, 50), Wib(11, 30, 15, 53), StepOutcome.Completed, 3),
        Open(2, 1, Wib(11, 30, 15, 53), Wib(12, 1, 8, 23)));

    // Step 7 ends at 06.30 WIB on 1 December, which is still 30 November in UTC: it belongs to December.
    private static Kegiatan F => Kegiatan("FAS-2026-0006", KegiatanStatus.Closed, 7, "Koperasi Lama", "IUSP",
        Done(1, 1, Wib(10, 5, 8, 0), Wib(10, 5, 8, 3), StepOutcome.Completed, 3),
        Done(2, 1, Wib(10, 5, 8, 3), Wib(10, 5, 8, 53), StepOutcome.Completed, 50),
        Done(3, 1, Wib(10, 5, 8, 53), Wib(10, 5, 9, 5), StepOutcome.Approved, 12),
        Done(4, 1, Wib(10, 5, 9, 5), Wib(10, 5, 9, 15), StepOutcome.Approved, 10),
        Done(5, 1, Wib(10, 5, 9, 15), Wib(10, 5, 9, 25), StepOutcome.Approved, 10),
        Done(6, 1, Wib(10, 5, 9, 25), Wib(10, 20, 9, 4), StepOutcome.Executed, 4),
        Done(7, 1, Wib(10, 20, 9, 4), Wib(12, 1, 6, 30), StepOutcome.Reported, 12000));

    private static Kegiatan G
    {
        get
        {
            var other = Kegiatan("PEM-2026-0001", KegiatanStatus.Open, 2, "Koperasi Lain", "IUSP",
                Done(1, 1, Wib(11, 9, 8, 0), Wib(11, 9, 8, 3), StepOutcome.Completed, 3),
                Open(2, 1, Wib(11, 9, 8, 3), Wib(11, 9, 9, 3)));
            return other with { DefinitionId = "pembinaan-koperasi" };
        }
    }

    /// <summary>The time standard of each step in working minutes (step 7: two working days of 7 h 30 min).</summary>
    public static int StandardMinutes(int step) => step switch
    {
        1 or 6 => 5,
        2 => 60,
        7 => 900,
        _ => 15,
    };

    private static Waktu WaktuOf(int step) => step switch
    {
        1 or 6 => Waktu.Minutes(5),
        2 => Waktu.Hours(1),
        7 => Waktu.WorkingDays(2),
        _ => Waktu.Minutes(15),
    };

    public static PersonRef AssigneeOf(int step) => step switch
    {
        2 or 7 => Anggota,
        4 => Kabid,
        5 => Kadis,
        _ => Ketua,
    };

    private static Actor Actor(PersonRef person) => new(person.Id, person.Name);

    /// <summary>A finished visit: late exactly when the actual working time exceeds the standard, as the engine measures it.</summary>
    private static StepRecord Done(int step, int attempt, DateTimeOffset entered, DateTimeOffset finished, StepOutcome outcome, int actualMinutes)
    {
        var standard = TimeSpan.FromMinutes(StandardMinutes(step));
        var actual = TimeSpan.FromMinutes(actualMinutes);
        var lateBy = actual > standard ? actual - standard : TimeSpan.Zero;
        return Open(step, attempt, entered, entered + standard) with
        {
            FinishedAt = finished,
            Outcome = outcome,
            FinishedBy = Actor(AssigneeOf(step)),
            Measurement = new StepMeasurement(WaktuOf(step), standard, actual, lateBy == TimeSpan.Zero, lateBy),
        };
    }

    private static StepRecord Open(int step, int attempt, DateTimeOffset entered, DateTimeOffset due) => new()
    {
        Step = step,
        Attempt = attempt,
        Assignee = AssigneeOf(step),
        EnteredAt = entered,
        ClockStartsAt = entered,
        DueAt = due,
        StandardWorkingTime = TimeSpan.FromMinutes(StandardMinutes(step)),
    };

    private static Kegiatan Kegiatan(string number, KegiatanStatus status, int current, string koperasi, string jenis, params StepRecord[] steps)
    {
        var start = steps[0];
        var values = new Dictionary<string, string> { ["koperasi"] = koperasi, ["jenisFasilitasi"] = jenis, ["judul"] = "Fasilitasi " + jenis };
        return new Kegiatan
        {
            Number = number,
            DefinitionId = "fasilitasi-perijinan",
            DefinitionVersion = 1,
            Version = steps.Length + 1,
            Status = status,
            CurrentStep = current,
            StartedAt = start.FinishedAt!.Value,
            UpdatedAt = steps[^1].FinishedAt ?? steps[^1].EnteredAt,
            ClosedAt = status == KegiatanStatus.Open ? null : steps[^1].FinishedAt,
            Starter = Ketua,
            AssignedAtStart = new Dictionary<string, PersonRef> { ["anggota"] = Anggota },
            Data = new Dictionary<int, StepData> { [1] = new(values, ["disposisi"], Actor(Ketua), start.FinishedAt.Value) },
            Steps = steps,
            Cancellation = status == KegiatanStatus.Cancelled ? new Cancellation(current, Actor(Ketua), steps[^1].FinishedAt!.Value, steps[^1].Reason!) : null,
        };
    }
}
