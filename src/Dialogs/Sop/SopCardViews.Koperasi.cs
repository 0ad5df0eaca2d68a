using System.Globalization;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Koperasi;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>The koperasi list: one group of inputs per slot on the form; names and NIK in headers; every detail in the data.</summary>
public sealed partial class SopCardViews
{
    /// <summary>Client-side checks only help; the engine checks again and names the slot.</summary>
    private const string NikRegex = @"^\s*(\d[ .\-]*){16}$";

    // The details of a slot sit behind "Rincian koperasi N" and carry no client-side pattern (a hidden input that the client
    // refused would block the button with an error nobody sees): the engine checks NIB and telephone and names the slot.

    /// <summary>
    /// Slot 1 always shows; a later slot shows when it holds something (stored or just submitted), else it opens with
    /// "Tambah koperasi". The jenis starts at the first choice (Koperasi Simpan Pinjam: every fasilitasi of this SOP is about
    /// simpan pinjam), and stays a choice.
    /// </summary>
    private static IEnumerable<InputView> KoperasiInputs(FieldDefinition field, StepDefinition step, string? stored, IReadOnlyDictionary<string, string?>? draft, bool clientRequired)
    {
        var entries = KoperasiList.Parse(stored);
        // Fourteen kabupaten/kota and five jenis in each of five slots: short titles ("Kab. Sambas", "Simpan Pinjam" under
        // "Jenis koperasi") and position codes as values keep the card under Teams' size limit.
        var wilayahChoices = step.Fields.FirstOrDefault(f => f.Id == field.WilayahFrom)?.Choices ?? [];
        var wilayah = wilayahChoices
            .Select(c => new ChoiceView(KoperasiInput.WilayahCode(wilayahChoices, c.Value), Shorter(c.Label, "Kabupaten ", "Kab. ")))
            .ToList();
        var jenis = field.Choices.Select(c => new ChoiceView(c.Value, Shorter(c.Label, "Koperasi ", ""))).ToList();
        for (var slot = 1; slot <= (field.MaxItems ?? 1); slot++)
        {
            var entry = slot <= entries.Count ? entries[slot - 1] : null;
            var n = slot;
            string Id(string part) => KoperasiInput.Id(field.Id, n, part);
            string? Value(string part, string? fromStore) => Draft(draft, Id(part), out var typed) ? typed : fromStore;
            var filled = entry is not null || KoperasiInput.Parts.Any(p => p != KoperasiInput.Jenis && !string.IsNullOrWhiteSpace(draft?.GetValueOrDefault(Id(p))));
            var group = new InputGroup($"{field.Id}.slot.{slot}", slot == 1 || filled, "Tambah koperasi", $"Rincian koperasi {slot}");
            yield return new(Id(KoperasiInput.Nama), $"Koperasi {slot}: nama", InputKind.Text, slot == 1 && field.Required && clientRequired,
                slot == 1 ? "Nama koperasi wajib diisi." : "", Value(KoperasiInput.Nama, entry?.Nama), KoperasiInput.MaxNama, Group: group);
            yield return new(Id(KoperasiInput.Nik), "NIK koperasi (16 angka)", InputKind.Text, false, "NIK harus 16 angka.",
                Value(KoperasiInput.Nik, entry?.Nik), Regex: NikRegex, Group: group);
            yield return new(Id(KoperasiInput.NomorBadanHukum), "Nomor badan hukum", InputKind.Text, false, "",
                Value(KoperasiInput.NomorBadanHukum, entry?.NomorBadanHukum), KoperasiInput.MaxNomorBadanHukum, Group: group, Detail: true);
            yield return new(Id(KoperasiInput.TanggalBadanHukum), "Tanggal badan hukum", InputKind.Date, false, "",
                Value(KoperasiInput.TanggalBadanHukum, entry?.TanggalBadanHukum), Group: group, Detail: true);
            yield return new(Id(KoperasiInput.Nib), "NIB (13 angka)", InputKind.Text, false, "",
                Value(KoperasiInput.Nib, entry?.Nib), 20, Group: group, Detail: true);
            yield return new(Id(KoperasiInput.Jenis), "Jenis koperasi", InputKind.Choice, false, "",
                Value(KoperasiInput.Jenis, entry is null ? jenis.FirstOrDefault()?.Value : entry.Jenis), Choices: jenis, Group: group, Detail: true);
            yield return new(Id(KoperasiInput.Alamat), "Alamat (IKC, IKCP, IKK: kantor yang akan dibuka)", InputKind.Multiline, false, "",
                Value(KoperasiInput.Alamat, entry?.Alamat), KoperasiInput.MaxAlamat, Group: group, Detail: true);
            yield return new(Id(KoperasiInput.Wilayah), "Wilayah keanggotaan", InputKind.MultiChoice, false, "",
                Value(KoperasiInput.Wilayah, entry is null ? null : string.Join(',', entry.Wilayah.Select(w => KoperasiInput.WilayahCode(wilayahChoices, w)))), Choices: wilayah, Group: group, Detail: true);
            yield return new(Id(KoperasiInput.KontakNama), "Contact person", InputKind.Text, false, "",
                Value(KoperasiInput.KontakNama, entry?.KontakNama), KoperasiInput.MaxKontakNama, Group: group, Detail: true);
            yield return new(Id(KoperasiInput.KontakTelepon), "Telepon contact person", InputKind.Text, false, "",
                Value(KoperasiInput.KontakTelepon, entry?.KontakTelepon), 24, Placeholder: "08… atau +62…", Group: group, Detail: true);
        }
    }

    private static string Shorter(string label, string prefix, string replacement) =>
        label.StartsWith(prefix, StringComparison.Ordinal) ? replacement + label[prefix.Length..] : label;

    /// <summary>The header line: each koperasi's name with its NIK when known, one per line (typed text).</summary>
    internal static string KoperasiCompact(string stored) =>
        string.Join('\n', KoperasiList.Parse(stored).Select(k => k.Nik is { } nik ? $"{k.Nama} (NIK {nik})" : k.Nama));

    /// <summary>
    /// Every detail of every koperasi, as the data sections and riwayat show it (typed text: one TextRun, so nothing in it is
    /// markdown). The alamat is called the office to be opened for IKC, IKCP and IKK.
    /// </summary>
    /// <summary>How much of one koperasi's details an earlier step's data shows (status and riwayat show all).</summary>
    internal const int KoperasiDetailLimit = 320;

    /// <param name="perKoperasi">When set, each koperasi's block is cut to this length on its own.</param>
    internal static string KoperasiDetail(FieldDefinition field, string stored, string? jenisFasilitasi, int? perKoperasi = null)
    {
        var list = KoperasiList.Parse(stored);
        var alamat = jenisFasilitasi is "IKC" or "IKCP" or "IKK" ? "Alamat kantor yang akan dibuka" : "Alamat";
        var blocks = list.Select((k, i) =>
        {
            var lines = new List<string> { list.Count > 1 ? $"{i + 1}. {k.Nama}" : k.Nama };
            void Add(string label, string? value)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    lines.Add($"   {label}: {value}");
                }
            }

            Add("NIK", k.Nik);
            Add("Badan hukum", BadanHukum(k));
            Add("NIB", k.Nib);
            Add("Jenis", field.Choices.FirstOrDefault(c => c.Value == k.Jenis)?.Label ?? k.Jenis);
            Add(alamat, k.Alamat);
            Add("Wilayah keanggotaan", k.Wilayah.Count > 0 ? string.Join(", ", k.Wilayah) : null);
            Add("Contact person", string.Join(" · ", new[] { k.KontakNama, k.KontakTelepon }.Where(v => !string.IsNullOrWhiteSpace(v))));
            var block = string.Join('\n', lines);
            return perKoperasi is int max && block.Length > max ? string.Concat(block.AsSpan(0, max), " … (dipotong)") : block;
        });
        return string.Join('\n', blocks);
    }

    /// <summary>"Nomor 12/BH/2015, 2 Maret 2015", either part alone, or null.</summary>
    internal static string? BadanHukum(KoperasiEntry k)
    {
        var date = DateOnly.TryParseExact(k.TanggalBadanHukum, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? WibFormat.PlainDate(d) : k.TanggalBadanHukum;
        return (k.NomorBadanHukum, date) switch
        {
            ({ } nomor, { } tanggal) => $"{nomor}, {tanggal}",
            ({ } nomor, null) => nomor,
            (null, { } tanggal) => tanggal,
            _ => null,
        };
    }
}
