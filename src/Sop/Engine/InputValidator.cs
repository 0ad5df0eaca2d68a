using System.Globalization;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Koperasi;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Engine;

/// <summary>
/// Checks a submitted form against its step definition and normalises the values for storage. Problems are sentences in
/// Indonesian, one per field, so the person can fix them all at once.
/// </summary>
internal static class InputValidator
{
    public const int MaxReasonLength = 1000;

    /// <summary>Kelengkapan labels not ticked, when the step requires them all.</summary>
    public static IReadOnlyList<string> MissingKelengkapan(StepDefinition step, FormInput input) =>
        step.ChecklistRequired ? [.. step.Checklist.Where(i => !input.Checklist.Contains(i.Id, StringComparer.Ordinal)).Select(i => i.Label)] : [];

    /// <summary>The ticked kelengkapan ids that the step knows, in definition order.</summary>
    public static IReadOnlyList<string> Ticked(StepDefinition step, FormInput input) =>
        [.. step.Checklist.Select(i => i.Id).Where(id => input.Checklist.Contains(id, StringComparer.Ordinal))];

    /// <remarks><paramref name="now"/> only picks the example date a refusal shows (the next working day).</remarks>
    /// <param name="koperasi">The kegiatan's koperasi, which a <c>koperasiResults</c> field reports on (none for the start form).</param>
    public static (Dictionary<string, string> Values, List<string> Problems) Fields(StepDefinition step, FormInput input, Staffing staffing, WorkCalendar calendar, DateTimeOffset now, IReadOnlyList<KoperasiEntry>? koperasi = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var example = calendar.NextWorkingDay(calendar.LocalDate(now));
        foreach (var field in step.Fields)
        {
            if (field.Kind == FieldKind.KoperasiList)
            {
                var (list, listProblems) = KoperasiValidator.Read(field, step, input.Values);
                problems.AddRange(listProblems);
                if (list is not null)
                {
                    values[field.Id] = list;
                }

                continue;
            }

            if (field.Kind == FieldKind.KoperasiResults)
            {
                var (results, resultProblems) = KoperasiResultValidator.Read(field, koperasi ?? [], input.Values);
                problems.AddRange(resultProblems);
                if (results is not null)
                {
                    values[field.Id] = results;
                }

                continue;
            }

            var raw = (field.Kind == FieldKind.Datetime ? DateTimeInput.Joined(input.Values, field.Id) : input.Values.GetValueOrDefault(field.Id)?.Trim()) ?? "";
            if (raw.Length == 0)
            {
                if (field.Required)
                {
                    problems.Add($"{field.Label} wajib diisi.");
                }

                continue;
            }

            if (field.MaxLength is int max && raw.Length > max)
            {
                problems.Add($"{field.Label} paling banyak {WibFormat.Number(max)} karakter (saat ini {WibFormat.Number(raw.Length)}).");
                continue;
            }

            var (value, problem) = field.Kind switch
            {
                FieldKind.Date => Date(field, raw, example),
                FieldKind.Datetime => DateAndTime(field, raw, calendar, example),
                _ => Normalise(field, raw, staffing),
            };
            if (problem is not null)
            {
                problems.Add(problem);
            }
            else
            {
                values[field.Id] = value!;
            }
        }

        return (values, problems);
    }

    /// <summary>A trimmed reason, or the Indonesian problem with it.</summary>
    public static (string? Reason, string? Problem) Reason(string? reason, string whenEmpty)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return (null, whenEmpty);
        }

        return trimmed.Length > MaxReasonLength
            ? (null, $"Alasan paling banyak {WibFormat.Number(MaxReasonLength)} karakter (saat ini {WibFormat.Number(trimmed.Length)}).")
            : (trimmed, null);
    }

    private static (string? Value, string? Problem) Date(FieldDefinition field, string raw, DateOnly example) =>
        WibParse.TryDate(raw, out var date)
            ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
            : (null, Texts.NotADate(field, raw, example));

    // Stored as before (ISO 8601 with the WIB offset), whatever form it was typed or picked in.
    private static (string? Value, string? Problem) DateAndTime(FieldDefinition field, string raw, WorkCalendar calendar, DateOnly example)
    {
        if (WibParse.Instant(raw, calendar.Zone) is { } instant)
        {
            return (calendar.ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), null);
        }

        return WibParse.TryDate(raw, out _) ? (null, Texts.TimeMissing(field))
            : WibParse.TryTime(raw, out _) ? (null, Texts.DateMissing(field, example))
            : (null, Texts.NotADateTime(field, raw, example));
    }

    private static (string? Value, string? Problem) Normalise(FieldDefinition field, string raw, Staffing staffing)
    {
        switch (field.Kind)
        {
            case FieldKind.Text or FieldKind.Multiline:
                return (raw, null);
            case FieldKind.Number:
                if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return (null, $"{field.Label} harus berupa bilangan bulat.");
                }

                return number < field.Min ? (null, $"{field.Label} paling kecil {WibFormat.Number(field.Min.Value)}.")
                    : number > field.Max ? (null, $"{field.Label} paling besar {WibFormat.Number(field.Max.Value)}.")
                    : (number.ToString(CultureInfo.InvariantCulture), null);
            case FieldKind.Choice:
                return field.Choices.Any(c => c.Value == raw) ? (raw, null) : (null, $"{field.Label}: pilihan “{raw}” tidak tersedia.");
            case FieldKind.Checklist:
                var picked = raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var unknown = picked.FirstOrDefault(p => !field.Choices.Any(c => c.Value == p));
                return unknown is null
                    ? (string.Join(',', field.Choices.Select(c => c.Value).Where(picked.Contains)), null)
                    : (null, $"{field.Label}: pilihan “{unknown}” tidak tersedia.");
            case FieldKind.UrlList:
                var links = raw.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                var bad = links.FirstOrDefault(l => !Uri.TryCreate(l, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp));
                return bad is null ? (string.Join('\n', links), null) : (null, $"{field.Label}: “{bad}” bukan tautan http/https yang sah.");
            case FieldKind.Person:
                var person = staffing.People.Find(raw);
                return person is null ? (null, $"{field.Label}: orang yang dipilih belum terdaftar.")
                    : field.Role is { } role && !person.Holds(role) ? (null, $"{field.Label}: {person.Name} bukan {role.Indonesian()}.")
                    : (person.AadObjectId, null);
            default:
                return (null, $"{field.Label}: jenis isian tidak dikenal.");
        }
    }
}
