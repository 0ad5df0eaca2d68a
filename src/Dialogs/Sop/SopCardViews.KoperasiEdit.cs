using PerijinanBot.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Sop;

public sealed partial class SopCardViews
{
    /// <summary>
    /// "Ubah data koperasi": the start form's koperasi slots filled with the list now, so only what changes is typed. After a
    /// refusal pass what was submitted as <paramref name="draft"/> and the reason as <paramref name="error"/>: nothing typed is lost.
    /// </summary>
    public KoperasiEditCardView KoperasiEdit(Kegiatan kegiatan, SopDefinition definition, IReadOnlyDictionary<string, string?>? draft = null, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        var (listStep, field) = KoperasiEditRules.ListField(definition)
            ?? throw new InvalidOperationException($"SOP {definition.Id} records no koperasi list.");
        var inputs = KoperasiInputs(field, listStep, kegiatan.Value(field.Id), draft, clientRequired: true).ToList();
        var explanation =
            "Perbaiki atau lengkapi data koperasi, tambah koperasi dengan \u201cTambah koperasi\u201d, atau kosongkan semua isian sebuah koperasi (nama, NIK, rinciannya) untuk menghapusnya, lalu simpan. " +
            "Perubahan dicatat di riwayat beserta nama Anda, dan pencarian koperasi (cari) mengikuti data yang baru.";
        return new KoperasiEditCardView(
            Header(kegiatan, definition),
            $"Ubah data koperasi {kegiatan.Number}",
            error,
            State(kegiatan, definition),
            explanation,
            inputs,
            "Simpan data koperasi",
            new CardTarget(kegiatan.Number, kegiatan.CurrentStep, kegiatan.Version));
    }

    /// <summary>The history lines of the koperasi list changes made while <paramref name="record"/> was open.</summary>
    private static IEnumerable<LabelledValue> KoperasiEditRows(StepRecord record)
    {
        foreach (var edit in record.KoperasiEdits)
        {
            yield return LabelledValue.Fixed("Data koperasi diubah", $"oleh {SopPhrases.Who(edit.By)} pada {WibFormat.DateTime(edit.At)}");
            yield return LabelledValue.Typed("Koperasi semula", edit.OldNames ?? SopPhrases.Dash, HistoryReasonLimit);
            yield return LabelledValue.Typed("Koperasi sekarang", edit.NewNames ?? SopPhrases.Dash, HistoryReasonLimit);
        }
    }
}
