using System.Globalization;
using System.Text.Json.Nodes;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bench.Http;

/// <summary>One person of the Development directory (src/Bot/appsettings.Development.json) and their 1:1 chat with the bot.</summary>
internal sealed record Person(string Name, string AadObjectId, string ConversationId)
{
    public static readonly Person Ketua = new("Rina Marlina", "00000000-0000-4000-8000-000000000001", "a:bench-ketua");
    public static readonly Person Budi = new("Budi Santoso", "00000000-0000-4000-8000-000000000002", "a:bench-budi");
    public static readonly Person Dewi = new("Dewi Lestari", "00000000-0000-4000-8000-000000000005", "a:bench-dewi");

    /// <summary>The two Anggota of the directory; callers alternate between them.</summary>
    public static readonly Person[] Anggota = [Budi, Dewi];

    /// <summary>Everyone of the directory: all install the app first, so every send (the daily digest too) has a chat to go to.</summary>
    public static readonly Person[] Everyone =
    [
        Ketua, Budi, Dewi,
        new("Hendra Gunawan", "00000000-0000-4000-8000-000000000003", "a:bench-kabid"),
        new("Siti Aminah", "00000000-0000-4000-8000-000000000004", "a:bench-kadis"),
        new("Agus Pratama", "00000000-0000-4000-8000-000000000006", "a:bench-admin"),
    ];
}

/// <summary>
/// Activities shaped as Teams sends them (Bot Framework Activity schema: type, from.aadObjectId, conversation, serviceUrl,
/// and for a card click an <c>adaptiveCard/action</c> invoke whose value names the Action.Execute's verb and data), and
/// reading cards the way a client does.
/// </summary>
internal static class BenchCards
{
    public const string TenantId = "00000000-0000-4000-8000-00000000a000";
    public const string BotId = "28:00000000-0000-4000-8000-00000000b000";

    public static JsonObject Install(Person person, string serviceUrl) =>
        Activity("conversationUpdate", person, serviceUrl, new JsonObject { ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }) });

    public static JsonObject Click(Person person, string serviceUrl, string replyToId, string verb, JsonObject data) =>
        Activity("invoke", person, serviceUrl, new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["replyToId"] = replyToId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = "manual",
            },
        });

    /// <summary>The step 1 form as the Ketua sends it (the start card's inputs), naming <paramref name="anggota"/>.</summary>
    public static JsonObject StartData(Person anggota) => new()
    {
        ["definition"] = "fasilitasi-perijinan",
        ["jenisFasilitasi"] = "IUSP",
        ["judul"] = "Fasilitasi Izin Usaha Simpan Pinjam KSP Maju Bersama",
        ["koperasi"] = "KSP Maju Bersama",
        ["kabupatenKota"] = "Kota Pontianak",
        ["anggota"] = anggota.AadObjectId,
        ["disposisi"] = "Siapkan materi substansi, calon peserta, calon narasumber, jadwal dan tempat.",
        ["kelengkapan"] = "disposisi",
    };

    /// <summary>
    /// When the bot's clock starts: 08.00 WIB on the Tuesday of the office week (<see cref="OfficeWeek"/>, the tests' own
    /// working fortnight, linked into the bench), a working morning, so nothing is refused for the day or the hour.
    /// </summary>
    public static string ClockStartsAt => OfficeWeek.Iso(1, "08:00") + "+07:00";

    /// <summary>What the Anggota types into the step 2 card (the jadwal on the Thursday of the office week).</summary>
    public static Dictionary<string, string> Step2Typed() => new()
    {
        ["materiSubstansi"] = "Ketentuan USP menurut PerMenKop UKM 8/2023.",
        ["calonPeserta"] = "Pengurus dan pengawas KSP Maju Bersama (20 orang).",
        ["calonNarasumber"] = "Kepala Bidang Perijinan dan Kelembagaan.",
        ["jadwal.date"] = OfficeWeek.Date(3),
        ["jadwal.time"] = "09:00",
        ["tempat"] = "Aula Dinas Koperasi UKM Provinsi Kalimantan Barat",
    };

    public const string Reason = "Daftar calon narasumber perlu dilengkapi dengan narasumber dari Dinas PMPTSP.";

    /// <summary>
    /// What a client sends for a click: the button's data, the value every input of the card shows, what the person typed
    /// over them, and every kelengkapan item ticked.
    /// </summary>
    public static JsonObject ClickData(JsonObject card, string verb, int step, IReadOnlyDictionary<string, string> typed)
    {
        var action = Find(card, n => (string?)n["type"] == "Action.Execute" && (string?)n["verb"] == verb && Int(n["data"]?["step"]) == step).FirstOrDefault()
            ?? throw new InvalidOperationException($"the card has no {verb} button for step {step}");
        var data = (JsonObject)action["data"]!.DeepClone();
        foreach (var input in Find(card, IsInput))
        {
            if (input["id"] is not null && input["value"] is not null)
            {
                data[(string)input["id"]!] = input["value"]!.ToString();
            }

            if ((string?)input["id"] == "kelengkapan" && input["choices"] is JsonArray choices)
            {
                data["kelengkapan"] = string.Join(",", choices.Select(c => (string?)c!["value"]));
            }
        }

        foreach (var (key, value) in typed)
        {
            data[key] = value;
        }

        return data;
    }

    /// <summary>
    /// An outcome card (the decided step, read-only): its large headline (a TextBlock of size Large with no heading style;
    /// a refusal's large title has the heading style), no inputs, no decision button. A card sent back with an error has
    /// its inputs again.
    /// </summary>
    public static bool IsOutcome(JsonObject card) =>
        Find(card, n => (string?)n["type"] == "TextBlock" && (string?)n["size"] == "Large" && n["style"] is null).Any()
        && !Find(card, IsInput).Any()
        && !Find(card, n => (string?)n["type"] == "Action.Execute" && ((string?)n["verb"])?.StartsWith("sop.", StringComparison.Ordinal) == true && (string?)n["verb"] != "sop.open").Any();

    public static int Int(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => 0,
    };

    public static IEnumerable<JsonObject> Find(JsonNode? node, Func<JsonObject, bool> predicate)
    {
        if (node is JsonObject o)
        {
            if (predicate(o))
            {
                yield return o;
            }

            foreach (var found in o.SelectMany(p => Find(p.Value, predicate)))
            {
                yield return found;
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var found in a.SelectMany(child => Find(child, predicate)))
            {
                yield return found;
            }
        }
    }

    private static bool IsInput(JsonObject n) => ((string?)n["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true;

    private static JsonObject Activity(string type, Person person, string serviceUrl, JsonObject extra)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = $"29:{person.AadObjectId}", ["name"] = person.Name, ["aadObjectId"] = person.AadObjectId },
            ["conversation"] = new JsonObject { ["id"] = person.ConversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "PerijinanBot" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["locale"] = "id-ID",
        };
        foreach (var (key, value) in extra)
        {
            activity[key] = value?.DeepClone();
        }

        return activity;
    }
}
