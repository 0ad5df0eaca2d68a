using PerijinanBot.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Koperasi;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>Step 7's results per koperasi: a group of three inputs under each koperasi's name; one line each in the data.</summary>
public sealed partial class SopCardViews
{
    /// <summary>
    /// One group per koperasi of the kegiatan, in list order, captioned with its number and name (typed text, so a TextRun,
    /// never a label): hasil, jumlah peserta and nomor berita acara, pre-filled from the draft or what was stored. Labels and
    /// messages stay short (the caption names the koperasi): the step-7 card must stay under 28 KB.
    /// </summary>
    private static IEnumerable<InputView> KoperasiResultInputs(FieldDefinition field, string? stored, IReadOnlyDictionary<string, string?>? draft, bool clientRequired, Kegiatan? kegiatan)
    {
        var koperasi = kegiatan is null ? [] : KegiatanKoperasi.Of(kegiatan);
        var results = KoperasiResults.Parse(stored);
        var hasil = field.Choices.Select(c => new ChoiceView(c.Value, c.Label)).ToList();
        var required = field.Required && clientRequired;
        for (var slot = 1; slot <= koperasi.Count; slot++)
        {
            var n = slot;
            var earlier = results.FirstOrDefault(r => r.Nama == koperasi[n - 1].Nama);
            string Id(string part) => KoperasiResults.Id(field.Id, n, part);
            string? Value(string part, string? fromStore) => Draft(draft, Id(part), out var typed) ? typed : fromStore;
            var group = new InputGroup($"{field.Id}.{slot}", true, "", Caption: $"Koperasi {slot}: {Cut(koperasi[slot - 1].Nama, 40)}");
            yield return new(Id(KoperasiResults.Hasil), "Hasil fasilitasi", InputKind.Choice, required,
                "Pilih hasil fasilitasi.", Value(KoperasiResults.Hasil, earlier?.Hasil), Placeholder: "Pilih…", Choices: hasil, Group: group);
            yield return new(Id(KoperasiResults.Peserta), "Jumlah peserta (daftar hadir)", InputKind.Number, required,
                $"Isi 0 sampai {WibFormat.Number(field.Max ?? 0)}.",
                Value(KoperasiResults.Peserta, earlier?.Peserta.ToString(System.Globalization.CultureInfo.InvariantCulture)), Min: 0, Max: field.Max, Group: group);
            yield return new(Id(KoperasiResults.BeritaAcara), "Nomor berita acara", InputKind.Text, required,
                $"Isi nomor berita acara (paling banyak {WibFormat.Number(field.MaxLength ?? 0)} karakter).",
                Value(KoperasiResults.BeritaAcara, earlier?.BeritaAcara), field.MaxLength, Group: group);
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>"1. KSP A: Siap mengajukan · 24 peserta · berita acara BA-07/2026", one line per koperasi (typed text).</summary>
    internal static string KoperasiResultLines(FieldDefinition field, string stored)
    {
        var results = KoperasiResults.Parse(stored);
        return string.Join('\n', results.Select((r, i) =>
            $"{i + 1}. {r.Nama}: {field.Choices.FirstOrDefault(c => c.Value == r.Hasil)?.Label ?? r.Hasil} · {WibFormat.Number(r.Peserta)} peserta · berita acara {r.BeritaAcara}"));
    }
}
