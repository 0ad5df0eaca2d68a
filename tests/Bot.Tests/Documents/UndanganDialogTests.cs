using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Letters;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Reports;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Reports.Agenda;
using PerijinanBot.Sop.Engine;
using static PerijinanBot.Bot.Tests.Documents.DocumentsKit;

namespace PerijinanBot.Bot.Tests.Documents;

/// <summary>
/// Through the whole host, in process, on a real Azurite: the Kepala Dinas's Setuju (step 5) drafts the Surat Undangan to
/// the koperasi and the narasumber, enters it in the Buku Agenda Surat Keluar (klasifikasi 005) and gives the Ketua Tim Kerja
/// its card; the number SRIKANDI gave it, recorded on that card, is printed in the files made again.
/// </summary>
[NeedsAzurite]
public sealed class UndanganDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private const string PdfType = "application/pdf";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Srikandi = "005/B-1201/DISKOPUKM-B/XII/2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Kadis_Setuju_gives_the_Ketua_the_undangan_whose_files_name_the_koperasi_the_narasumber_the_jadwal_and_its_agenda_number()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(6, Ct);
        await h.OutboxDrainedAsync(number, Ct);

        // The register has the invitation, numbered with the undangan code, and nothing for the internal Lembar Disposisi.
        var register = h.Bot.Services.GetRequiredService<AgendaRegister>();
        var ours = (await register.ListAsync(OfficeWeek.Today.Year, Ct)).Where(e => e.KegiatanNumber == number).ToList();
        var entry = Assert.Single(ours);
        Assert.Equal(AgendaDocuments.Undangan, entry.Document);
        Assert.Equal($"005/{entry.Serial}/DISKOPUKM.B/{OfficeWeek.Today.Year}", entry.Nomor);

        // The Ketua's card: number, jadwal, both downloads, the SRIKANDI form.
        var card = (await h.CardAsync(h.Ketua, c => DialogCards.Title(c) == $"Surat Undangan {number}", "Ketua: undangan card")).Card;
        Assert.Contains($"{entry.Nomor} (nomor agenda Bidang)", DialogCards.Text(card), StringComparison.Ordinal);
        Assert.Contains(OfficeWeek.Text(1, "09:00"), DialogCards.Text(card), StringComparison.Ordinal);
        var links = OpenUrls(card);
        Assert.Equal(["Unduh Undangan (PDF)", "Unduh Undangan (Word)"], links.Select(l => l.Title));
        Assert.NotNull(DialogCards.Action(card, UndanganCard.SrikandiVerb));

        // The PDF as a reader extracts it.
        var pdf = PdfText(await DownloadAsync(h, links[0].Url, PdfType));
        Assert.Contains("Pengurus KSP Maju Bersama", pdf, StringComparison.Ordinal);
        Assert.Contains("Kepala Bidang Perijinan dan Kelembagaan.", pdf, StringComparison.Ordinal);
        Assert.Contains(OfficeWeek.DayText(1), pdf, StringComparison.Ordinal);
        Assert.Contains("09.00 WIB", pdf, StringComparison.Ordinal);
        Assert.Contains("Aula Dinas Koperasi UKM Provinsi Kalimantan Barat", pdf, StringComparison.Ordinal);
        Assert.Contains(entry.Nomor, pdf, StringComparison.Ordinal);
        Assert.Contains("Siti Aminah", pdf, StringComparison.Ordinal);

        // The Word file opens and passes the Open XML validator.
        var docx = await DownloadAsync(h, links[1].Url, DocxType);
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false))
        {
            var errors = new OpenXmlValidator().Validate(document, Ct).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
            Assert.Contains("KSP Maju Bersama", document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        // The card went once, to the Ketua only.
        Assert.Single(SentCards(h, h.Ketua, number));
        foreach (var other in new[] { h.Budi, h.Kabid, h.Kadis })
        {
            Assert.Empty(SentCards(h, other, number));
        }
    }

    [Fact]
    public async Task The_SRIKANDI_number_recorded_on_the_card_is_printed_in_the_files_made_again_and_bad_input_changes_nothing()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(6, Ct);
        var sent = await h.CardAsync(h.Ketua, c => DialogCards.Title(c) == $"Surat Undangan {number}", "Ketua: undangan card");
        var register = h.Bot.Services.GetRequiredService<AgendaRegister>();
        var entry = (await register.ListAsync(OfficeWeek.Today.Year, Ct)).Single(e => e.KegiatanNumber == number);

        // Nothing typed: said so, nothing recorded.
        var empty = await RecordAsync(h, h.Ketua, sent, "   ");
        Assert.Contains(UndanganCard.BadNomor, DialogCards.Text(empty), StringComparison.Ordinal);
        // Budi (an Anggota, not the pengolah) may not record it; what he typed stays in the form.
        var refused = await RecordAsync(h, h.Budi, sent, "B-1");
        Assert.Contains(UndanganCard.MayNotEdit, DialogCards.Text(refused), StringComparison.Ordinal);
        Assert.Equal("B-1", DialogCards.InputValue(refused, UndanganCard.NomorInput));
        Assert.Null((await register.GetAsync(entry.Year, entry.Serial, Ct))!.NomorSrikandi);

        // The Ketua records it: the card says so and its links give files that carry the number instead of the register's.
        var saved = await RecordAsync(h, h.Ketua, sent, Srikandi);
        Assert.Contains("Berkas Surat Undangan sudah diperbarui dengan nomor ini.", DialogCards.Text(saved), StringComparison.Ordinal);
        Assert.Contains($"{Srikandi} (SRIKANDI)", DialogCards.Text(saved), StringComparison.Ordinal);
        Assert.Equal(Srikandi, (await register.GetAsync(entry.Year, entry.Serial, Ct))!.NomorSrikandi);
        var links = OpenUrls(saved);
        var pdf = PdfText(await DownloadAsync(h, links[0].Url, PdfType));
        Assert.Contains(Srikandi, pdf, StringComparison.Ordinal);
        Assert.DoesNotContain(entry.NomorBot, pdf, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(new MemoryStream(await DownloadAsync(h, links[1].Url, DocxType)), isEditable: false);
        Assert.Contains(Srikandi, document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);

        // "dokumen" offers the remade file too.
        await h.SayAsync(h.Kabid, $"dokumen {number}", Ct);
        var documents = (await h.CardAsync(h.Kabid, c => DialogCards.Title(c) == $"Dokumen kegiatan {number}", "Kabid: documents card")).Card;
        Assert.Contains($"Surat Undangan nomor {Srikandi}", DialogCards.Text(documents), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agenda_serials_run_on_without_a_gap_or_a_repeat_across_invitations_and_reports_and_no_disposition_takes_one()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var first = await h.WalkToAsync(7, Ct);
        var second = await h.WalkToAsync(6, Ct);
        var (_, reported) = await h.ActAsync(h.Budi, first, 7, SopVerbs.Report, DialogHarness.Step7Form, Ct);
        Assert.True(reported.IsCard, reported.ToString());
        await h.OutboxDrainedAsync(first, Ct);
        await h.OutboxDrainedAsync(second, Ct);

        var register = h.Bot.Services.GetRequiredService<AgendaRegister>();
        var lines = (await register.ListAsync(OfficeWeek.Today.Year, Ct)).Where(e => e.KegiatanNumber == first || e.KegiatanNumber == second).ToList();
        // The outbox enters the letters as it gets to them, so their order may vary; the serials may not.
        Assert.Equal(
            [(first, AgendaDocuments.Laporan), (first, AgendaDocuments.Undangan), (second, AgendaDocuments.Undangan)],
            lines.Select(l => (l.KegiatanNumber, l.Document)).Order());
        var serials = lines.Select(l => l.Serial).ToList();
        Assert.Equal(Enumerable.Range(serials[0], 3), serials);
        Assert.All(lines, l => Assert.Equal(
            $"{(l.Document == AgendaDocuments.Undangan ? "005" : "000.8")}/{l.Serial}/DISKOPUKM.B/{OfficeWeek.Today.Year}", l.NomorBot));
    }

    [Fact]
    public async Task A_new_jadwal_and_tempat_remake_the_undangan_under_its_own_number_and_the_Ketua_gets_it_again()
    {
        const string tempat = "Ruang Rapat Bidang Perijinan";
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(6, Ct);
        await h.CardAsync(h.Ketua, c => DialogCards.Title(c) == $"Surat Undangan {number}", "Ketua: first undangan card");
        await h.OutboxDrainedAsync(number, Ct);

        await h.SayAsync(h.Ketua, $"jadwal {number}", Ct);
        var form = await h.CardAsync(h.Ketua, c => DialogCards.Action(c, SopVerbs.Reschedule) is not null, "Ketua: reschedule card");
        var moved = await h.ExecuteAsync(h.Ketua, $"reply-{Guid.NewGuid():N}", SopVerbs.Reschedule, DialogCards.With(DialogCards.Action(form.Card, SopVerbs.Reschedule)!, form.Card, new()
        {
            [DateTimeInput.DateId(SopVerbs.NewJadwalInput)] = OfficeWeek.Date(3),
            [DateTimeInput.TimeId(SopVerbs.NewJadwalInput)] = "13:30",
            [SopVerbs.NewTempatInput] = tempat,
            [SopVerbs.AlasanInput] = "Narasumber berhalangan pada tanggal semula.",
        }), Ct);
        Assert.True(moved.IsCard, moved.ToString());
        await h.OutboxDrainedAsync(number, Ct);

        var again = (await h.CardAsync(h.Ketua, c => DialogCards.Title(c) == $"Surat Undangan {number}" && DialogCards.Text(c).Contains(UndanganCard.Remade, StringComparison.Ordinal), "Ketua: undangan card after the new jadwal")).Card;
        var pdf = PdfText(await DownloadAsync(h, OpenUrls(again)[0].Url, PdfType));
        Assert.Contains(OfficeWeek.DayText(3), pdf, StringComparison.Ordinal);
        Assert.Contains("13.30 WIB", pdf, StringComparison.Ordinal);
        Assert.Contains(tempat, pdf, StringComparison.Ordinal);
        Assert.DoesNotContain(OfficeWeek.DayText(1), pdf, StringComparison.Ordinal);

        // Still one line in the register: the same letter, made again.
        var register = h.Bot.Services.GetRequiredService<AgendaRegister>();
        var entry = Assert.Single(await register.ListAsync(OfficeWeek.Today.Year, Ct), e => e.KegiatanNumber == number);
        Assert.Contains(entry.Nomor, pdf, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> RecordAsync(DialogHarness h, Person person, SentCard card, string nomor)
    {
        var data = DialogCards.Action(card.Card, UndanganCard.SrikandiVerb)!.DeepClone().AsObject();
        data[UndanganCard.NomorInput] = nomor;
        var answer = await h.ExecuteAsync(person, $"reply-{Guid.NewGuid():N}", UndanganCard.SrikandiVerb, data, Ct);
        Assert.True(answer.IsCard, answer.ToString());
        return answer.Card;
    }

    private static List<JsonObject> SentCards(DialogHarness h, Person person, string number) =>
        [.. h.Connector.Calls.Where(c => c.Path.EndsWith(DialogHarness.ActivitiesPath(person.ConversationId), StringComparison.Ordinal))
            .Select(DialogHarness.CardOf).OfType<JsonObject>().Where(c => DialogCards.Title(c) == $"Surat Undangan {number}")];
}
