using System.Text.Json;

namespace PerijinanBot.Sop.Definitions;

/// <summary>Reads one definition file and validates it. Every problem is reported, prefixed with the file's name.</summary>
public static class SopDefinitionLoader
{
    public static DefinitionLoadResult Load(string source, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        SopDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize(json, SopJsonContext.Default.SopDefinition);
        }
        catch (JsonException e)
        {
            return Failed($"{source}: invalid JSON at {e.Path ?? "$"} (line {e.LineNumber + 1}): {FirstSentence(e.Message)}");
        }

        if (definition is null)
        {
            return Failed($"{source}: the file holds no definition.");
        }

        var errors = DefinitionValidator.Validate(definition).Select(e => $"{source}: {e}").ToList();
        return errors.Count == 0 ? new DefinitionLoadResult(definition, []) : new DefinitionLoadResult(null, errors);
    }

    private static DefinitionLoadResult Failed(string error) => new(null, [error]);

    // System.Text.Json appends "Path: … | LineNumber: …" which the prefix already says more readably.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

/// <summary>A valid definition, or the list of what is wrong with it (English, for operators).</summary>
public sealed record DefinitionLoadResult(SopDefinition? Definition, IReadOnlyList<string> Errors);

/// <summary>A definition file failed validation; <see cref="Errors"/> lists every problem.</summary>
public sealed class SopDefinitionException : Exception
{
    public SopDefinitionException()
        : this([])
    {
    }

    public SopDefinitionException(string message)
        : this([message])
    {
    }

    public SopDefinitionException(string message, Exception innerException)
        : base(message, innerException) => Errors = [message];

    public SopDefinitionException(IReadOnlyList<string> errors)
        : base("SOP definitions are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "- " + e))) =>
        Errors = errors;

    public IReadOnlyList<string> Errors { get; }
}
