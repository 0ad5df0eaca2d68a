namespace PerijinanBot.Reports.Laporan;

/// <summary>
/// What the office's letterhead says besides the names of the government and the office (those come from the SOP
/// definition's instansi lines): where the office is and how to reach it, and the emblem printed at its left. Every part is
/// optional; a part not given prints nothing.
/// </summary>
/// <param name="Address">The street address, e.g. "Jalan Sutan Syahrir No. 5, Pontianak".</param>
/// <param name="Telephone">The number as the office writes it, e.g. "(0561) 732690".</param>
/// <param name="Email">The office's e-mail address.</param>
/// <param name="Website">The office's website, e.g. "diskopukm.kalbarprov.go.id".</param>
/// <param name="Emblem">The provincial emblem (lambang daerah); null prints no image at all (no stand-in picture).</param>
public sealed record KopSettings(string? Address = null, string? Telephone = null, string? Email = null, string? Website = null, KopEmblem? Emblem = null)
{
    /// <summary>Nothing but the names from the SOP definition.</summary>
    public static KopSettings None { get; } = new();
}

/// <summary>
/// The kop surat (letterhead) as it will be printed, shared by the Laporan Kegiatan and the Lembar Disposisi: the emblem on
/// the left; the names centred beside it, the government's first; the office's contact lines under them; and the rule under
/// the whole.
/// </summary>
/// <remarks>
/// The parts follow the Tata Naskah Dinas of regional governments (Permendagri Nomor 1 Tahun 2023): a perangkat daerah's kop
/// carries the lambang daerah, the names of the pemerintah daerah and of the perangkat daerah, its address, telephone, laman
/// (website) and pos-el (e-mail), over a ruled line. The regulation's annex was not at hand; the parts and their places were
/// checked against regional rules built on the same scheme: the lambang daerah, in black, at the top left (Peraturan Bupati
/// Kotabaru 66/2017, lampiran: https://doku.pub/documents/03-perbup-tata-naskah-dinas-2017-lampiran-1-nl2pv5nv9208), and the
/// address, telephone, laman and pos-el with the dividing line (Peraturan Wali Kota Surabaya on the kop naskah dinas:
/// https://text-id.123dok.com/document/8yd8gvw1q-kop-naskah-dinas-jaringan-dokumentasi-dan-informasi-hukum-pemerintah-kota-surabaya.html).
/// </remarks>
/// <param name="Names">The names, the government first (printed larger).</param>
/// <param name="Contact">Zero to two lines: where the office is (address, telephone), then where it is online (website,
/// e-mail); a part not configured is left out, a line with none is dropped.</param>
public sealed record KopSurat(IReadOnlyList<string> Names, IReadOnlyList<string> Contact, KopEmblem? Emblem)
{
    /// <summary>The kop of <paramref name="instansi"/> (the SOP header's lines) with the office's <paramref name="settings"/>, every text cleaned for print.</summary>
    internal static KopSurat Of(IEnumerable<string> instansi, KopSettings? settings)
    {
        settings ??= KopSettings.None;
        string?[] where = [LaporanText.CleanOrNull(settings.Address), Labelled("Telepon", settings.Telephone)];
        string?[] online = [Labelled("Laman", settings.Website), Labelled("Pos-el", settings.Email)];
        var contact = new[] { where, online }
            .Select(line => string.Join(KopSeparator, line.OfType<string>()))
            .Where(line => line.Length > 0)
            .ToList();
        return new KopSurat([.. instansi.Select(LaporanText.Clean)], contact, settings.Emblem);
    }

    /// <summary>Between the parts of a contact line; a renderer that must wrap the line prefers to break after it.</summary>
    internal const string KopSeparator = ", ";

    private static string? Labelled(string label, string? value) => LaporanText.CleanOrNull(value) is { } text ? $"{label} {text}" : null;
}
