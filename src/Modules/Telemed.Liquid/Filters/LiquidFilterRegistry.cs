namespace Telemed.Liquid.Filters;

/// <summary>
/// Filters by name. Modules add theirs at start-up (<c>services.AddLiquidFilter</c>); templates
/// resolve names once, when they are parsed.
/// </summary>
public sealed class LiquidFilterRegistry
{
    private readonly Dictionary<string, LiquidFilter> _filters = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => _filters.Keys;

    public LiquidFilterRegistry Add(string name, LiquidFilter filter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _filters[name] = filter;
        return this;
    }

    public bool Remove(string name) => _filters.Remove(name);

    public bool TryGet(string name, out LiquidFilter filter) => _filters.TryGetValue(name, out filter!);

    /// <summary>A registry holding Shopify's standard filters and the product's date/time-zone filters.</summary>
    public static LiquidFilterRegistry CreateDefault()
    {
        var registry = new LiquidFilterRegistry();
        StringFilters.Register(registry);
        HtmlFilters.Register(registry);
        ArrayFilters.Register(registry);
        MathFilters.Register(registry);
        DateFilters.Register(registry);
        return registry;
    }
}
