namespace Telemed.Liquid.Filters;

/// <summary>
/// Filters by name. Modules add theirs at start-up (<c>services.AddLiquidFilter</c>); templates
/// resolve names once, when they are parsed.
/// </summary>
public sealed class LiquidFilterRegistry
{
    private readonly Dictionary<string, Registration> _filters = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => _filters.Keys;

    /// <summary>Adds a filter that takes any number of arguments.</summary>
    public LiquidFilterRegistry Add(string name, LiquidFilter filter) => Add(name, filter, 0, int.MaxValue);

    /// <summary>
    /// Adds a filter that takes between <paramref name="minArguments"/> and <paramref name="maxArguments"/>
    /// arguments after the input (named arguments count as one more, as in Ruby Liquid). A call with
    /// another count fails at render with "wrong number of arguments (given 2, expected 1)", counting
    /// the input as Ruby does.
    /// </summary>
    public LiquidFilterRegistry Add(string name, LiquidFilter filter, int minArguments, int maxArguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(minArguments);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxArguments, minArguments);
        _filters[name] = new Registration(filter, minArguments, maxArguments);
        return this;
    }

    public bool Remove(string name) => _filters.Remove(name);

    public bool TryGet(string name, out LiquidFilter filter)
    {
        var found = _filters.TryGetValue(name, out var registration);
        filter = registration.Filter;
        return found;
    }

    internal bool TryGet(string name, out LiquidFilter filter, out int minArguments, out int maxArguments)
    {
        var found = _filters.TryGetValue(name, out var registration);
        (filter, minArguments, maxArguments) = (registration.Filter, registration.MinArguments, registration.MaxArguments);
        return found;
    }

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

    private readonly record struct Registration(LiquidFilter Filter, int MinArguments, int MaxArguments);
}
