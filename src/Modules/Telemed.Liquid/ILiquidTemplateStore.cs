using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Telemed.Liquid;

/// <summary>
/// Source text of named partials for <c>{% render 'name' %}</c> and <c>{% include 'name' %}</c>. Both
/// look partials up here by the same name and share the engine's parsed-template cache.
/// </summary>
public interface ILiquidTemplateStore
{
    bool TryGetTemplate(string name, [NotNullWhen(true)] out string? source);
}

/// <summary>Partials held in memory, registered by modules or set up by tests.</summary>
public sealed class InMemoryLiquidTemplateStore : ILiquidTemplateStore
{
    private readonly ConcurrentDictionary<string, string> _templates = new(StringComparer.Ordinal);

    public InMemoryLiquidTemplateStore Add(string name, string source)
    {
        _templates[name] = source;
        return this;
    }

    public bool TryGetTemplate(string name, [NotNullWhen(true)] out string? source) => _templates.TryGetValue(name, out source);
}
