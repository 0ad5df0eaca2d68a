using System.Globalization;
using PerijinanBot.Sop.Definitions;

namespace PerijinanBot.Sop.Koperasi;

/// <summary>
/// Reads a <c>koperasiList</c> field's slots from the submitted inputs, checks each koperasi and normalises it. Every
/// problem names the slot ("Koperasi 2: NIK harus 16 angka …"), so the person finds it on the card.
/// </summary>
internal static class KoperasiValidator
{
    public static (string? Value, List<string> Problems) Read(FieldDefinition field, StepDefinition step, IReadOnlyDictionary<string, string?> values)
    {
        var problems = new List<string>();
        var entries = new List<KoperasiEntry>();
        if (values.GetValueOrDefault(field.Id)?.Trim() is { Length: > 0 } single)
        {
            var name = Text(single, KoperasiInput.MaxNama, "Nama koperasi", 1, problems);
            return problems.Count > 0 ? (null, problems) : (KoperasiList.Serialize([new KoperasiEntry { Nama = name! }]), problems);
        }

        var wilayahChoices = step.Fields.FirstOrDefault(f => f.Id == field.WilayahFrom)?.Choices ?? [];
        for (var slot = 1; slot <= (field.MaxItems ?? 1); slot++)
        {
            string Get(string part) => values.GetValueOrDefault(KoperasiInput.Id(field.Id, slot, part))?.Trim() ?? "";

            // The jenis has a default on the card, so a slot counts only when something else was filled.
            if (KoperasiInput.Parts.Where(p => p != KoperasiInput.Jenis).All(p => Get(p).Length == 0))
            {
                continue;
            }

            var before = problems.Count;
            var entry = new KoperasiEntry
            {
                Nama = Text(Get(KoperasiInput.Nama), KoperasiInput.MaxNama, "Nama koperasi", slot, problems, required: true) ?? "",
                Nik = Digits(Get(KoperasiInput.Nik), 16, "NIK (Nomor Induk Koperasi)", slot, problems),
                NomorBadanHukum = Text(Get(KoperasiInput.NomorBadanHukum), KoperasiInput.MaxNomorBadanHukum, "Nomor badan hukum", slot, problems),
                TanggalBadanHukum = Date(Get(KoperasiInput.TanggalBadanHukum), slot, problems),
                Nib = Digits(Get(KoperasiInput.Nib), 13, "NIB", slot, problems),
                Jenis = Choice(Get(KoperasiInput.Jenis), field.Choices, slot, problems),
                Alamat = Text(Get(KoperasiInput.Alamat), KoperasiInput.MaxAlamat, "Alamat", slot, problems),
                Wilayah = Wilayah(Get(KoperasiInput.Wilayah), wilayahChoices, slot, problems),
                KontakNama = Text(Get(KoperasiInput.KontakNama), KoperasiInput.MaxKontakNama, "Nama contact person", slot, problems),
                KontakTelepon = Telepon(Get(KoperasiInput.KontakTelepon), slot, problems),
            };
            if (problems.Count == before)
            {
                entries.Add(entry);
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        if (entries.Count == 0)
        {
            if (field.Required)
            {
                problems.Add($"{field.Label}: isi paling sedikit satu koperasi (nama koperasi wajib diisi).");
            }

            return (null, problems);
        }

        return (KoperasiList.Serialize(entries), problems);
    }

    /// <summary>An Indonesian telephone number as <c>+62…</c>, or null when it is not one.</summary>
    public static string? NormaliseTelepon(string raw)
    {
        var compact = new string([.. raw.Where(c => c is not (' ' or '-' or '.' or '(' or ')'))]);
        var national = compact.StartsWith("+62", StringComparison.Ordinal) ? compact[3..]
            : compact.StartsWith("08", StringComparison.Ordinal) ? compact[1..]
            : null;
        var digits = compact.TrimStart('+');
        return national is { Length: > 0 } && national[0] != '0' && national.All(char.IsAsciiDigit) && digits.Length is >= 10 and <= 15
            ? "+62" + national
            : null;
    }

    private static string Where(int slot, string what) => $"Koperasi {slot}: {what}";

    private static string? Text(string raw, int max, string label, int slot, List<string> problems, bool required = false)
    {
        if (raw.Length == 0)
        {
            if (required)
            {
                problems.Add(Where(slot, $"{label} wajib diisi."));
            }

            return null;
        }

        if (raw.Length > max)
        {
            problems.Add(Where(slot, $"{label} paling banyak {WibFormat.Number(max)} karakter (saat ini {WibFormat.Number(raw.Length)})."));
            return null;
        }

        return raw;
    }

    private static string? Digits(string raw, int length, string label, int slot, List<string> problems)
    {
        if (raw.Length == 0)
        {
            return null;
        }

        var digits = new string([.. raw.Where(c => c is not (' ' or '-' or '.'))]);
        if (digits.Length != length || !digits.All(char.IsAsciiDigit))
        {
            var count = digits.Count(char.IsAsciiDigit);
            problems.Add(Where(slot, digits.All(char.IsAsciiDigit)
                ? $"{label} harus {length} angka (saat ini {count} angka)."
                : $"{label} harus {length} angka, tanpa huruf atau tanda lain."));
            return null;
        }

        return digits;
    }

    private static string? Date(string raw, int slot, List<string> problems)
    {
        if (raw.Length == 0)
        {
            return null;
        }

        if (!WibParse.TryDate(raw, out var date))
        {
            problems.Add(Where(slot, $"tanggal badan hukum “{raw}” tidak dikenali; pilih tanggal pada kalender (contoh: 14/07/2020)."));
            return null;
        }

        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static string? Choice(string raw, IReadOnlyList<Choice> choices, int slot, List<string> problems)
    {
        if (raw.Length == 0)
        {
            return null;
        }

        if (!choices.Any(c => c.Value == raw))
        {
            problems.Add(Where(slot, $"jenis koperasi “{raw}” tidak tersedia."));
            return null;
        }

        return raw;
    }

    private static List<string> Wilayah(string raw, IReadOnlyList<Choice> choices, int slot, List<string> problems)
    {
        var codes = raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (codes.FirstOrDefault(p => KoperasiInput.WilayahValue(choices, p) is null) is { } unknown)
        {
            problems.Add(Where(slot, $"wilayah keanggotaan “{unknown}” bukan kabupaten/kota yang tersedia."));
            return [];
        }

        var picked = codes.Select(p => KoperasiInput.WilayahValue(choices, p)).ToHashSet();
        return [.. choices.Select(c => c.Value).Where(picked.Contains)];
    }

    private static string? Telepon(string raw, int slot, List<string> problems)
    {
        if (raw.Length == 0)
        {
            return null;
        }

        if (NormaliseTelepon(raw) is not { } phone)
        {
            problems.Add(Where(slot, $"nomor telepon contact person “{raw}” tidak sah; tulis 08… atau +62…, 10 sampai 15 angka."));
            return null;
        }

        return phone;
    }
}
