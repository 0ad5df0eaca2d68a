using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>
/// The cards of "Ubah data koperasi", walked through the real engine: the edit card, a refused edit (typed values kept) and
/// the riwayat after an edit. The same scenes feed the golden files, the size budget and the typed-text checks.
/// </summary>
internal static class KoperasiEditScenes
{
    public const string ThirdNik = "6171039999999999";

    public static IReadOnlyDictionary<string, Func<Typing, JsonObject>> All { get; } = new Dictionary<string, Func<Typing, JsonObject>>
    {
        ["sop-koperasi-edit"] = t =>
        {
            var (office, kegiatan) = AtStep2(t);
            return KoperasiEditCard.Build(office.Views.KoperasiEdit(kegiatan, SopOffice.Definition));
        },
        ["sop-koperasi-edit-refused"] = t =>
        {
            // A third koperasi with a NIK of five digits: the card comes back as sent, with the slot named on top.
            var (office, kegiatan) = AtStep2(t);
            var draft = WithThird(t, "12345");
            var refusal = office.Refuse(kegiatan, new EditKoperasi(Staff.Budi, 2, kegiatan.Version, new FormInput(draft, [])));
            return KoperasiEditCard.Build(office.Views.KoperasiEdit(kegiatan, SopOffice.Definition, draft, refusal.Message));
        },
        ["sop-riwayat-koperasi-edit"] = t =>
        {
            var (office, kegiatan) = Edited(t);
            office.Clock.Advance(TimeSpan.FromMinutes(15));
            return HistoryCard.Build(office.Views.History(kegiatan, SopOffice.Definition));
        },
    };

    /// <summary>Step 2 waiting for Budi, ten minutes after the start (two koperasi recorded).</summary>
    public static (SopOffice Office, Kegiatan Kegiatan) AtStep2(Typing typing)
    {
        var office = new SopOffice(typing);
        var kegiatan = office.WalkTo(2);
        office.Clock.Advance(TimeSpan.FromMinutes(10));
        return (office, kegiatan);
    }

    /// <summary>Budi adds a third koperasi.</summary>
    public static (SopOffice Office, Kegiatan Kegiatan) Edited(Typing typing)
    {
        var (office, kegiatan) = AtStep2(typing);
        kegiatan = office.Accept(kegiatan, new EditKoperasi(Staff.Budi, 2, kegiatan.Version, new FormInput(WithThird(typing, ThirdNik), [])));
        return (office, kegiatan);
    }

    /// <summary>What the edit card sends: the two koperasi of the start and a third one.</summary>
    public static Dictionary<string, string?> WithThird(Typing typing, string nik) =>
        typing.Start().Values.Where(v => v.Key.StartsWith("koperasi.", StringComparison.Ordinal))
            .Concat(typing.Koperasi(3, "Koperasi Produsen Sawit Lestari", nik, "Kabupaten Sanggau").Select(p => new KeyValuePair<string, string?>(p.Id, p.Value)))
            .ToDictionary(v => v.Key, v => v.Value);
}
