using PerijinanBot.Sop.Koperasi;

namespace PerijinanBot.Sop.Engine;

/// <summary>A kegiatan's koperasi, read from its stored <c>koperasi</c> list (old plain text included).</summary>
public static class KegiatanKoperasi
{
    /// <summary>The kegiatan's koperasi (old plain text included).</summary>
    public static IReadOnlyList<KoperasiEntry> Of(Kegiatan kegiatan)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        return KoperasiList.Parse(kegiatan.Value(KoperasiList.FieldId));
    }

    /// <summary>What step 7 recorded per koperasi (hasil, jumlah peserta, nomor berita acara); empty before the report.</summary>
    public static IReadOnlyList<KoperasiResult> Results(Kegiatan kegiatan)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        return KoperasiResults.Parse(kegiatan.Value(KoperasiResults.FieldId));
    }

    /// <summary>The names, joined by "; " (what a header, reminder or export column shows); null when there are none.</summary>
    public static string? Names(Kegiatan kegiatan)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        return KoperasiList.NamesOf(kegiatan.Value(KoperasiList.FieldId));
    }

    /// <summary>
    /// A field's value as one line of text: a koperasi list becomes its names, anything else stays as stored (a letter's
    /// perihal placeholders read this).
    /// </summary>
    public static string? TextOf(Kegiatan kegiatan, string fieldId)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        var value = kegiatan.Value(fieldId);
        return value is not null && value.TrimStart().StartsWith('[') && KoperasiList.Parse(value) is { Count: > 0 } list && list[0].Nama != value.Trim()
            ? KoperasiList.NamesOf(value)
            : value;
    }
}
