using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>
/// The dokumentasi of step 7 as files: the step 7 card with three files (a photo, a daftar hadir, a document whose kind is still
/// to be chosen), and the answer to files sent in the chat with one of them refused.
/// </summary>
internal static class DokumentasiScenes
{
    public static JsonObject Step7WithFiles(Typing typing)
    {
        var office = new SopOffice(typing);
        var kegiatan = office.WalkTo(7);
        office.Clock.Advance(TimeSpan.FromMinutes(5));
        var view = office.Views.Step(kegiatan, SopOffice.Definition, Staff.Budi, office.Permitted(kegiatan, Staff.Budi));
        return StepCard.Build(view with { Dokumentasi = new DokumentasiView(kegiatan.Number, Files(typing), CanChange: true, []) });
    }

    public static JsonObject Received(Typing typing) => DokumentasiCard.Build(new DokumentasiView(
        "FAS-2026-0001",
        Files(typing),
        CanChange: true,
        [DokumentasiTexts.WrongType(typing.Text(120, "program.jpg"))]));

    private static List<DokumentasiFileView> Files(Typing typing) =>
    [
        new("20260714090000000aaaa0001", typing.Text(120, "foto-pembukaan.jpg"), DokumentasiKind.Foto, 2_400_000, IsImage: true),
        new("20260714090000000aaaa0002", typing.Text(120, "daftar-hadir.pdf"), DokumentasiKind.DaftarHadir, 245_000, IsImage: false),
        new("20260714090000000aaaa0003", typing.Text(120, "berita-acara.docx"), null, 38_000, IsImage: false),
    ];
}
