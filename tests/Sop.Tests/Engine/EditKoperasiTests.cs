using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Koperasi;
using PerijinanBot.Sop.Tests.Support;

namespace PerijinanBot.Sop.Tests.Engine;

/// <summary>
/// Ubah data koperasi: while step 2 waits, the Anggota holding it (or their Plh.) replaces the koperasi list, checked like the
/// start form; the history records who and when, and nobody else and no other step can.
/// </summary>
public sealed class EditKoperasiTests
{
    private const string Nik = "6171012345678901";

    private readonly Office _office = new();

    private static string Id(int slot, string part) => KoperasiInput.Id("koperasi", slot, part);

    private static FormInput Two(string nik2 = Nik) => new(new Dictionary<string, string?>
    {
        [Id(1, "nama")] = "KSP Maju Bersama",
        [Id(1, "jenis")] = "KSP",
        [Id(2, "nama")] = "Koperasi Produsen Sawit Lestari",
        [Id(2, "nik")] = nik2,
        [Id(2, "jenis")] = "KSP",
    }, []);

    [Fact]
    public void The_Anggota_at_step_2_adds_a_second_koperasi_and_the_history_records_it()
    {
        var kegiatan = _office.WalkTo(2);
        var startedBy = kegiatan.Data[1].By;
        _office.After(10);

        kegiatan = _office.Accept(kegiatan, new EditKoperasi(Staff.Budi, 2, kegiatan.Version, Two()));

        var list = KegiatanKoperasi.Of(kegiatan);
        Assert.Equal(["KSP Maju Bersama", "Koperasi Produsen Sawit Lestari"], list.Select(k => k.Nama));
        Assert.Equal(Nik, list[1].Nik);
        Assert.Equal((2, Staff.Budi), (kegiatan.CurrentStep, kegiatan.Current!.Assignee!.Id));
        Assert.Equal(startedBy, kegiatan.Data[1].By);
        var edit = Assert.Single(kegiatan.Current.KoperasiEdits);
        Assert.Equal(new KoperasiEdit(new Actor(Staff.Budi, "Budi Santoso"), kegiatan.UpdatedAt, "KSP Maju Bersama", "KSP Maju Bersama; Koperasi Produsen Sawit Lestari"), edit);
        var edited = Assert.IsType<KoperasiEdited>(Assert.Single(_office.Events));
        Assert.Equal((kegiatan.Version, 2, Staff.Budi), (edited.Version, edited.Step, edited.By.Id));
    }

    [Fact]
    public void The_Anggota_at_step_2_is_offered_the_edit_and_others_are_not()
    {
        var kegiatan = _office.WalkTo(2);

        Assert.Contains(_office.Engine.PermittedActions(kegiatan, Staff.Budi, _office.Staffing), a => a.Trigger == SopTrigger.EditKoperasi);
        Assert.DoesNotContain(_office.Engine.PermittedActions(kegiatan, Staff.Dewi, _office.Staffing), a => a.Trigger == SopTrigger.EditKoperasi);
        Assert.DoesNotContain(_office.Engine.PermittedActions(kegiatan, Staff.Rina, _office.Staffing), a => a.Trigger == SopTrigger.EditKoperasi);
        var step3 = _office.WalkTo(3, kegiatan);
        Assert.DoesNotContain(_office.Engine.PermittedActions(step3, Staff.Rina, _office.Staffing), a => a.Trigger == SopTrigger.EditKoperasi);
    }

    [Fact]
    public void A_Plh_of_the_Anggota_may_edit_and_is_recorded_as_Plh()
    {
        _office.Staffing = Staff.With(new Delegation(Staff.Budi, Staff.Dewi, new DateOnly(2026, 7, 13), new DateOnly(2026, 7, 17), "ST 800/13/DISKOPUKM.B/2026"));
        var kegiatan = _office.WalkTo(2);

        kegiatan = _office.Accept(kegiatan, new EditKoperasi(Staff.Dewi, 2, kegiatan.Version, Two()));

        var by = Assert.Single(kegiatan.Current!.KoperasiEdits).By;
        Assert.Equal((Staff.Dewi, Staff.Budi), (by.Id, by.OnBehalfOf!.Id));
    }

    [Theory]
    [InlineData(Staff.Dewi)]
    [InlineData(Staff.Rina)]
    [InlineData(Staff.Hendra)]
    public void Someone_other_than_the_holder_of_step_2_is_refused(string who)
    {
        var kegiatan = _office.WalkTo(2);

        var refusal = _office.Refuse(kegiatan, new EditKoperasi(who, 2, kegiatan.Version, Two()), RefusalCode.NotYours);

        Assert.Contains("Data koperasi hanya dapat diubah oleh", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Budi Santoso", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("KSP Maju Bersama", KegiatanKoperasi.Names(kegiatan));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public void At_another_step_the_edit_is_refused_with_where_it_is_possible(int step)
    {
        var kegiatan = _office.WalkTo(step);
        var holder = kegiatan.Current!.Assignee!.Id;

        var refusal = _office.Refuse(kegiatan, new EditKoperasi(holder, step, kegiatan.Version, Two()), RefusalCode.NotAvailable);

        Assert.Contains("Data koperasi hanya dapat diubah selama kegiatan menunggu langkah 2", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_NIK_is_refused_naming_the_slot_and_nothing_changes()
    {
        var kegiatan = _office.WalkTo(2);

        var refusal = _office.Refuse(kegiatan, new EditKoperasi(Staff.Budi, 2, kegiatan.Version, Two(nik2: "61710123")), RefusalCode.InvalidInput);

        Assert.Contains("Koperasi 2: NIK (Nomor Induk Koperasi) harus 16 angka (saat ini 8 angka).", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("KSP Maju Bersama", KegiatanKoperasi.Names(kegiatan));
    }

    [Fact]
    public void An_empty_list_and_an_unchanged_list_are_refused()
    {
        var kegiatan = _office.WalkTo(2);

        var empty = _office.Refuse(kegiatan, new EditKoperasi(Staff.Budi, 2, kegiatan.Version, FormInput.Empty), RefusalCode.InvalidInput);
        Assert.Contains("koperasi", empty.Message, StringComparison.Ordinal);

        var same = new FormInput(new Dictionary<string, string?> { [Id(1, "nama")] = "KSP Maju Bersama" }, []);
        var unchanged = _office.Refuse(kegiatan, new EditKoperasi(Staff.Budi, 2, kegiatan.Version, same), RefusalCode.InvalidInput);
        Assert.Equal("Data koperasi tidak berubah; ubah salah satu isian lalu simpan lagi.", unchanged.Message);
    }
}
