using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Dialogs.Reports;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>Sentences that state a rule are built from the definition holding it: the real SOP reads as before, a changed one follows.</summary>
public sealed class SopTextsTests
{
    private static readonly SopDefinition Real = SopOffice.Definition;

    [Fact]
    public void The_real_SOP_yields_the_sentences_the_office_knows()
    {
        Assert.Equal("Kegiatan hanya dapat dibatalkan oleh Ketua Tim Kerja yang memulainya atau oleh Kepala Bidang.", SopTexts.MayNotCancel(Real));
        Assert.Equal(
            "Jadwal pelaksanaan hanya dapat diubah oleh Ketua Tim Kerja pelaksana kegiatan atau oleh Kepala Bidang, sebelum pelaksanaannya dicatat.",
            SopTexts.MayNotReschedule(Real));
        Assert.Equal("Pengalihan langkah ini hanya dapat dilakukan oleh Admin atau Ketua Tim Kerja.", SopTexts.MayNotReassign(Real, 2));
        Assert.Equal("Pengalihan langkah ini hanya dapat dilakukan oleh Admin atau Kepala Bidang.", SopTexts.MayNotReassign(Real, 3));
        Assert.Equal("Pengalihan langkah ini hanya dapat dilakukan oleh Admin.", SopTexts.MayNotReassign(Real, 5));
        Assert.Equal(
            "Kegiatan baru dimulai oleh Ketua Tim Kerja (langkah 1 SOP). Peran Anda tidak termasuk; ketik **tugas** untuk melihat langkah yang menunggu Anda.",
            SopTexts.OnlyStarterStarts(Real));
        Assert.Equal(
            "Kegiatan FAS-2026-0003 belum punya dokumen. Lembar Disposisi dibuat setelah Kepala Dinas menyetujui (langkah 5); Laporan Kegiatan dibuat setelah "
            + "Anggota Tim Kerja mengirim laporan (langkah 7). Ketik **status FAS-2026-0003** untuk melihat posisinya.",
            DocumentTexts.NoDocumentsYet("FAS-2026-0003", Real, Real.Step(5), Real.Step(7)));
    }

    [Fact]
    public void Who_may_cancel_follows_cancelBy()
    {
        var kadisOnly = Real with { CancelBy = [new RoleRule { RoleName = "kepalaDinas", Rule = AssignmentRule.RoleHolder }] };
        var three = Real with
        {
            CancelBy =
            [
                new RoleRule { RoleName = "anggotaTimKerja", Rule = AssignmentRule.AssignedAtStart, Field = "anggota" },
                new RoleRule { RoleName = "ketuaTimKerja", Rule = AssignmentRule.Starter },
                new RoleRule { RoleName = "kepalaBidang", Rule = AssignmentRule.RoleHolder },
            ],
        };

        Assert.Equal("Kegiatan hanya dapat dibatalkan oleh Kepala Dinas.", SopTexts.MayNotCancel(kadisOnly));
        Assert.Equal(
            "Kegiatan hanya dapat dibatalkan oleh Anggota Tim Kerja yang ditugaskan padanya, Ketua Tim Kerja yang memulainya atau oleh Kepala Bidang.",
            SopTexts.MayNotCancel(three));
    }

    [Fact]
    public void Who_may_reschedule_and_reassign_follows_the_roles_superiors()
    {
        var ketuaUnderKadis = Real with
        {
            Roles = [.. Real.Roles.Select(r => r.Role == Role.KetuaTimKerja ? r with { SuperiorName = "kepalaDinas" } : r)],
        };

        Assert.Equal(
            "Jadwal pelaksanaan hanya dapat diubah oleh Ketua Tim Kerja pelaksana kegiatan atau oleh Kepala Dinas, sebelum pelaksanaannya dicatat.",
            SopTexts.MayNotReschedule(ketuaUnderKadis));
        Assert.Equal("Pengalihan langkah ini hanya dapat dilakukan oleh Admin atau Kepala Dinas.", SopTexts.MayNotReassign(ketuaUnderKadis, 3));
    }

    [Fact]
    public void Without_a_scheduled_step_nobody_reschedules()
    {
        var unscheduled = Real with { Steps = [.. Real.Steps.Select(s => s with { ClockStartsAtField = null })] };
        Assert.Equal("Jadwal tidak dapat diubah karena SOP ini tidak memiliki langkah berjadwal.", SopTexts.MayNotReschedule(unscheduled));
    }

    [Fact]
    public void The_number_hint_names_the_command_that_was_typed()
    {
        Assert.Equal("Sebutkan nomor kegiatannya, misalnya: **status FAS-2026-0001**.", SopTexts.NumberNeeded(CommandKind.Status, ""));
        Assert.Equal("“abc” bukan nomor kegiatan. Contoh: **dokumen FAS-2026-0001**.", SopTexts.NumberNeeded(CommandKind.Documents, "abc"));
    }
}
