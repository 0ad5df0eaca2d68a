using System.Reflection;

namespace PerijinanBot.Sop.Definitions;

/// <summary>
/// Every SOP definition the bot knows, by (id, version). Built once at start-up; an invalid file stops start-up with
/// all its problems listed. Adding an SOP is adding a JSON file under <c>Definitions/</c>.
/// </summary>
public sealed class SopCatalog
{
    private static readonly Lazy<SopCatalog> _embedded = new(() => Load(DefinitionSource.EmbeddedIn(typeof(SopCatalog).Assembly)));

    private readonly Dictionary<(string Id, int Version), SopDefinition> _byKey;

    private SopCatalog(IReadOnlyList<SopDefinition> definitions)
    {
        All = definitions;
        _byKey = definitions.ToDictionary(d => (d.Id, d.Version));
    }

    /// <summary>The definitions shipped in this assembly (<c>src/Sop/Definitions/*.json</c>).</summary>
    public static SopCatalog Embedded => _embedded.Value;

    public IReadOnlyList<SopDefinition> All { get; }

    /// <summary>Loads and validates every source; throws <see cref="SopDefinitionException"/> listing every problem in every file.</summary>
    public static SopCatalog Load(IEnumerable<DefinitionSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var errors = new List<string>();
        var definitions = new List<SopDefinition>();
        var seen = new Dictionary<(string, int), string>();
        foreach (var source in sources)
        {
            var result = SopDefinitionLoader.Load(source.Name, source.Json);
            errors.AddRange(result.Errors);
            if (result.Definition is { } definition)
            {
                if (seen.TryAdd((definition.Id, definition.Version), source.Name))
                {
                    definitions.Add(definition);
                }
                else
                {
                    errors.Add($"{source.Name}: {definition} is already defined in {seen[(definition.Id, definition.Version)]}.");
                }
            }
        }

        if (errors.Count == 0 && definitions.Count == 0)
        {
            errors.Add("No SOP definition was found.");
        }

        return errors.Count == 0 ? new SopCatalog(definitions) : throw new SopDefinitionException(errors);
    }

    /// <summary>The exact version a kegiatan is pinned to, or null when it is no longer shipped.</summary>
    public SopDefinition? Find(string id, int version) => _byKey.GetValueOrDefault((id, version));

    /// <summary>The highest version of an SOP: what a new kegiatan starts on.</summary>
    public SopDefinition? Latest(string id) =>
        All.Where(d => d.Id == id).MaxBy(d => d.Version);
}

/// <summary>The text of one definition file and a name for error messages.</summary>
public sealed record DefinitionSource(string Name, string Json)
{
    /// <summary>Every embedded resource of <paramref name="assembly"/> named <c>….Definitions.*.json</c>.</summary>
    public static IEnumerable<DefinitionSource> EmbeddedIn(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var prefix = assembly.GetName().Name + ".Definitions.";
        return EmbeddedResources.JsonUnder(assembly, prefix)
            .Select(name => new DefinitionSource(name[prefix.Length..], EmbeddedResources.ReadText(assembly, name)));
    }
}
