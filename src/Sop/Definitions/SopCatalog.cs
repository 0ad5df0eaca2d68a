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

    private SopCatalog(IReadOnlyList<SopDefinition> definitions, SopDefinition @default)
    {
        All = definitions;
        Default = @default;
        _byKey = definitions.ToDictionary(d => (d.Id, d.Version));
    }

    /// <summary>The definitions shipped in this assembly (<c>src/Sop/Definitions/*.json</c>).</summary>
    public static SopCatalog Embedded => _embedded.Value;

    public IReadOnlyList<SopDefinition> All { get; }

    /// <summary>
    /// The latest version of the SOP a new kegiatan starts on, and the one the <c>sop</c> and <c>laporan</c> commands show:
    /// the only SOP in the catalog, or the one whose latest version says <c>"default": true</c>. Decided when the catalog
    /// loads, so a catalog with two defaults, or several SOPs and none, stops start-up.
    /// </summary>
    public SopDefinition Default { get; }

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

        var @default = errors.Count == 0 ? DefaultOf(definitions, errors) : null;
        return errors.Count == 0 ? new SopCatalog(definitions, @default!) : throw new SopDefinitionException(errors);
    }

    /// <summary>The exact version a kegiatan is pinned to, or null when it is no longer shipped.</summary>
    public SopDefinition? Find(string id, int version) => _byKey.GetValueOrDefault((id, version));

    /// <summary>The highest version of an SOP: what a new kegiatan starts on.</summary>
    public SopDefinition? Latest(string id) =>
        All.Where(d => d.Id == id).MaxBy(d => d.Version);

    private static SopDefinition? DefaultOf(IReadOnlyList<SopDefinition> definitions, List<string> errors)
    {
        var latest = definitions.GroupBy(d => d.Id).Select(g => g.MaxBy(d => d.Version)!).ToList();
        var marked = latest.Where(d => d.IsDefault).ToList();
        if (marked.Count > 1)
        {
            errors.Add($"Only one SOP may say \"default\": true; {string.Join(" and ", marked)} both do.");
            return null;
        }

        if (marked.Count == 0 && latest.Count > 1)
        {
            errors.Add($"{latest.Count} SOPs ({string.Join(", ", latest.Select(d => d.Id))}) and none is the default: "
                + "add \"default\": true to the latest version of the one a new kegiatan starts on.");
            return null;
        }

        return marked.Count == 1 ? marked[0] : latest[0];
    }
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
