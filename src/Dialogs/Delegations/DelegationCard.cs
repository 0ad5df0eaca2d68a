using System.Globalization;
using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Delegations;

/// <summary>
/// One Plh. or Plt. appointment as the card lists it. <paramref name="Position"/> is the official's (jabatan, else SOP role);
/// <paramref name="Basis"/> the Surat Perintah's nomor and <paramref name="BasisDate"/> its date (null on older appointments,
/// whose basis is free text). <paramref name="Basis"/> and <paramref name="Reason"/> were typed by a person: shown only in
/// TextRuns. <paramref name="Reason"/>: why it was made to begin before the day it was made (empty when it was not).
/// </summary>
public sealed record DelegationItem(
    string Id, string HolderName, string Position, string StandInName, DateOnly From, DateOnly To, string Basis, bool MayEnd, string Reason = "",
    StandInKind Kind = StandInKind.Absence, DateOnly? BasisDate = null)
{
    /// <summary>What the stand-in acts as: "Plh. Kepala Bidang Perijinan dan Kelembagaan".</summary>
    public string Title => StandInRules.Title(Kind, Position);

    /// <summary>"Surat Perintah Nomor … tanggal …", or an older appointment's free text.</summary>
    public string BasisText => StandInRules.Basis(Basis, BasisDate);
}

/// <summary>A person offered in a drop-down: their directory id and what the list shows.</summary>
public sealed record DelegationChoice(string Id, string Title);

/// <summary>What the form holds: empty at first, as sent after a refusal (nothing typed is lost).</summary>
public sealed record DelegationDraft(
    string? Holder = null, string? StandIn = null, string? From = null, string? To = null, string? Basis = null, string? Reason = null, string? Kind = null, string? BasisDate = null)
{
    public static DelegationDraft Empty { get; } = new();
}

/// <summary>The form to appoint a Plh. or Plt. for one of <paramref name="Holders"/>: the officials the viewer may appoint for (never themself).</summary>
public sealed record DelegationForm(IReadOnlyList<DelegationChoice> Holders, IReadOnlyList<DelegationChoice> StandIns);

/// <param name="Today">The WIB date: splits the list into in force and to come.</param>
/// <param name="Form">Null for someone who may not appoint (the list is still shown).</param>
/// <param name="Notice">What just happened (appointed, ended).</param>
/// <param name="Error">Why the last click was refused, shown over the form.</param>
public sealed record DelegationCardView(DateOnly Today, IReadOnlyList<DelegationItem> Delegations, DelegationForm? Form, DelegationDraft Draft, string? Notice = null, string? Error = null);

/// <summary>The <c>plh</c> card: Plh. and Plt. appointments in force and to come, each with "Akhiri" for whoever may end it, and the form.</summary>
public static class DelegationCard
{
    public const string AddVerb = "plh.add";
    public const string EndVerb = "plh.end";

    /// <summary>The data key of <see cref="EndVerb"/>: which appointment.</summary>
    public const string IdKey = "delegation";

    public const string HolderInput = "plhHolder";
    public const string StandInInput = "plhStandIn";
    public const string FromInput = "plhFrom";
    public const string ToInput = "plhTo";
    public const string BasisInput = "plhBasis";
    public const string BasisDateInput = "plhBasisDate";
    public const string KindInput = "plhKind";

    /// <summary>The values of <see cref="KindInput"/>.</summary>
    public const string AbsenceValue = "plh";
    public const string VacancyValue = "plt";
    public const string ReasonInput = "plhReason";
    public const int MaxBasisLength = 200;
    public const int MaxReasonLength = 300;

    public static JsonObject Build(DelegationCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>
        {
            CardElements.Text("Plh. dan Plt.", TextStyle.Title),
            CardElements.Text("Plh. (Pelaksana Harian) menggantikan pejabat yang berhalangan sementara; Plt. (Pelaksana Tugas) mengisi jabatan yang kosong. Keduanya ditunjuk dengan Surat Perintah oleh atasan pejabat atau oleh Admin, tidak oleh pejabat itu sendiri. Selama tanggal penunjukan ia dapat bertindak atas langkah SOP pejabat itu; riwayat dan dokumen mencatatnya dengan jabatan pejabat itu, misalnya “Plh. Kepala Bidang”, beserta Surat Perintahnya. Penunjukan berakhir dengan sendirinya setelah tanggal selesai.", TextStyle.Subtle),
        };
        if (view.Notice is { } notice)
        {
            body.Add(CardInputs.Banner(notice, "good"));
        }

        if (view.Error is { } error)
        {
            body.Add(CardInputs.Banner(error));
        }

        body.Add(CardElements.Text("Sedang berlaku", TextStyle.Heading));
        body.AddRange(List(view.Delegations.Where(d => d.From <= view.Today), "Tidak ada Plh. atau Plt. yang sedang berlaku."));
        body.Add(CardElements.Text("Akan datang", TextStyle.Heading));
        body.AddRange(List(view.Delegations.Where(d => d.From > view.Today), "Tidak ada penunjukan Plh. atau Plt. yang akan datang."));
        if (view.Form is { } form)
        {
            body.AddRange(Form(form, view.Draft));
        }

        return CardElements.Card(body);
    }

    /// <summary>Sent to the stand-in's 1:1 chat when they are appointed.</summary>
    public static JsonObject Appointed(DelegationItem item, string appointedBy)
    {
        ArgumentNullException.ThrowIfNull(item);
        var sentence = $"Anda ditunjuk sebagai {item.Title} menggantikan {item.HolderName} dari {WibFormat.Date(item.From)} sampai {WibFormat.Date(item.To)}, dasar: ";
        return CardElements.Card(
            [
                CardElements.Text($"Penunjukan {StandInRules.Abbreviation(item.Kind)}", TextStyle.Title),
                Runs(sentence, item.BasisText, "."),
                .. ReasonRuns(item),
                CardElements.Text($"Ditunjuk oleh {appointedBy}. Selama tanggal itu Anda dapat bertindak atas langkah SOP {item.HolderName}; setiap tindakan dicatat atas nama Anda sebagai {item.Title}. Ketik **tugas** untuk melihat langkah yang menunggu.", TextStyle.Subtle),
            ],
            [CardElements.CommandButton("Tugas saya", "tugas")]);
    }

    /// <summary>Sent to the stand-in's 1:1 chat when their appointment is ended before its last day (or withdrawn before it began).</summary>
    public static JsonObject Ended(DelegationItem item, string endedBy, DateOnly endedOn)
    {
        ArgumentNullException.ThrowIfNull(item);
        var sentence = $"Penunjukan Anda sebagai {item.Title} menggantikan {item.HolderName} ({WibFormat.Date(item.From)} sampai {WibFormat.Date(item.To)}, dasar: ";
        return CardElements.Card(
            [
                CardElements.Text($"Penunjukan {StandInRules.Abbreviation(item.Kind)} diakhiri", TextStyle.Title),
                Runs(sentence, item.BasisText, $") diakhiri oleh {endedBy} pada {WibFormat.Date(endedOn)}."),
                CardElements.Text($"Mulai sekarang Anda tidak lagi bertindak atas langkah SOP {item.HolderName}; langkah tersebut kembali ditangani {item.HolderName}.", TextStyle.Subtle),
            ],
            [CardElements.CommandButton("Tugas saya", "tugas")]);
    }

    private static IEnumerable<JsonNode> List(IEnumerable<DelegationItem> items, string none)
    {
        var any = false;
        foreach (var item in items)
        {
            any = true;
            List<JsonNode> lines =
            [
                // Position and names come from the directory, not from the form: plain text in a TextBlock without markdown.
                new JsonObject { ["type"] = "TextBlock", ["text"] = $"{item.StandInName} selaku {item.Title}", ["wrap"] = true, ["weight"] = "Bolder" },
                CardElements.Text($"Menggantikan {item.HolderName} · {WibFormat.Date(item.From)} sampai {WibFormat.Date(item.To)}", TextStyle.Subtle),
                Runs("Dasar: ", Shorten(item.BasisText, MaxBasisLength + 40)),
                .. ReasonRuns(item),
            ];
            if (item.MayEnd)
            {
                lines.Add(CardInputs.ActionSet([EndButton(item.Id)]));
            }

            yield return CardInputs.Container(lines, "emphasis", separator: true, spacing: "Small");
        }

        if (!any)
        {
            yield return CardElements.Text(none, TextStyle.Subtle);
        }
    }

    private static IEnumerable<JsonNode> Form(DelegationForm form, DelegationDraft draft)
    {
        yield return CardElements.Text("Tunjuk Plh. atau Plt. baru", TextStyle.Heading);
        yield return CardInputs.ChoiceSet(HolderInput, "Pejabat yang digantikan", "Pilih pejabat yang digantikan.",
            form.Holders.Select(h => (h.Id, h.Title)), draft.Holder, required: true, multiSelect: false, placeholder: "Pilih pejabat");
        yield return CardInputs.ChoiceSet(KindInput, "Jenis penunjukan", DelegationTexts.KindRequired,
            [(AbsenceValue, DelegationTexts.AbsenceChoice), (VacancyValue, DelegationTexts.VacancyChoice)], draft.Kind ?? AbsenceValue,
            required: true, multiSelect: false);
        yield return CardInputs.ChoiceSet(StandInInput, "Ditunjuk sebagai Plh./Plt.", "Pilih pegawai yang ditunjuk.",
            form.StandIns.Select(s => (s.Id, s.Title)), draft.StandIn, required: true, multiSelect: false, placeholder: "Pilih pegawai");
        yield return CardInputs.DateInput(FromInput, "Mulai tanggal", "Isi tanggal mulai.", IsoDate(draft.From), required: true);
        yield return CardInputs.DateInput(ToInput, "Sampai tanggal", "Isi tanggal selesai.", IsoDate(draft.To), required: true);
        yield return CardInputs.TextInput(BasisInput, "Nomor Surat Perintah", $"Isi nomor Surat Perintah (paling banyak {MaxBasisLength} karakter).", draft.Basis,
            required: true, maxLength: MaxBasisLength, multiline: false, placeholder: "contoh: 800.1.11.1/123/DISKOPUKM/2026");
        yield return CardInputs.DateInput(BasisDateInput, "Tanggal Surat Perintah", DelegationTexts.BasisDateRequired, IsoDate(draft.BasisDate), required: true);
        // Required only for a start before today, which the card cannot know when the date is picked: the bot checks it.
        yield return CardInputs.TextInput(ReasonInput, "Alasan berlaku mundur (wajib bila tanggal mulai sebelum hari ini)",
            $"Isi alasan penunjukan berlaku mundur (paling banyak {MaxReasonLength} karakter).", draft.Reason,
            required: false, maxLength: MaxReasonLength, multiline: true, placeholder: "contoh: Surat Perintah ditandatangani setelah Plh. mulai bertugas");
        yield return CardInputs.ActionSet([CardInputs.Execute("Tetapkan", AddVerb, [])]);
    }

    /// <summary>"Akhiri" must not collect or validate the form beside it.</summary>
    private static JsonObject EndButton(string id)
    {
        var button = CardInputs.Execute("Akhiri", EndVerb, new JsonObject { [IdKey] = id });
        button["associatedInputs"] = "none";
        button["fallback"]!["associatedInputs"] = "none";
        return button;
    }

    /// <summary>The reason for a back-dated appointment, when it has one.</summary>
    private static JsonObject[] ReasonRuns(DelegationItem item) =>
        item.Reason.Length == 0 ? [] : [Runs("Alasan berlaku mundur: ", Shorten(item.Reason, MaxReasonLength))];

    /// <summary>Fixed words and typed text side by side; TextRuns are never read as markdown.</summary>
    private static JsonObject Runs(params string[] runs) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JsonArray([.. runs.Select(r => (JsonNode)new JsonObject { ["type"] = "TextRun", ["text"] = r })]),
    };

    private static string Shorten(string text, int max = MaxBasisLength) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), " …");

    /// <summary>An Input.Date only takes yyyy-MM-dd: a date typed the Indonesian way is shown in that form, anything else dropped.</summary>
    private static string? IsoDate(string? text) =>
        WibParse.TryDate(text, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}
