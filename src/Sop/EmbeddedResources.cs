using System.Reflection;

namespace PerijinanBot.Sop;

/// <summary>The only "I/O" this assembly does: reading JSON data files compiled into an assembly.</summary>
internal static class EmbeddedResources
{
    public static string ReadText(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Every resource whose name starts with <paramref name="prefix"/> and ends with ".json", in name order.</summary>
    public static IEnumerable<string> JsonUnder(Assembly assembly, string prefix) =>
        assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
