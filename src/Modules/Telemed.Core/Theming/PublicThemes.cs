using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Telemed.Core.Modules;
using Telemed.Core.Tenancy;

namespace Telemed.Core.Theming;

/// <summary>A public theme a clinic can choose.</summary>
public sealed record PublicTheme(string Name, string DisplayName, string Layout);

/// <summary>
/// The installed public themes (every assembly with a <see cref="PublicThemeAttribute"/>) and which layout a clinic's
/// public pages use. A clinic whose theme is not installed (a theme removed since) gets the default one, and a log line.
/// </summary>
public sealed class PublicThemes
{
    public const string DefaultName = "clinic";

    private static readonly PublicTheme Fallback = new(DefaultName, "Clinic", "_ClinicLayout");

    private readonly IReadOnlyDictionary<string, PublicTheme> _byName;
    private readonly ILogger<PublicThemes> _logger;
    private readonly ConcurrentDictionary<string, bool> _reportedUnknown = new(StringComparer.OrdinalIgnoreCase);

    public PublicThemes(IEnumerable<Assembly> assemblies, ILogger<PublicThemes> logger)
    {
        _logger = logger;
        _byName = assemblies
            .Select(a => a.GetCustomAttribute<PublicThemeAttribute>())
            .OfType<PublicThemeAttribute>()
            .Select(a => new PublicTheme(a.Name, a.DisplayName, a.Layout))
            .ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
    }

    public PublicThemes(ModuleCatalog catalog, ILogger<PublicThemes> logger) : this(catalog.Assemblies, logger)
    {
    }

    /// <summary>Every installed theme, the default first.</summary>
    public IReadOnlyList<PublicTheme> All =>
        _byName.Values.OrderBy(t => t.Name == DefaultName ? 0 : 1).ThenBy(t => t.DisplayName, StringComparer.Ordinal).ToList();

    public bool IsInstalled(string? name) => name is not null && _byName.ContainsKey(name);

    /// <summary>The theme a clinic's pages render in; the platform's own pages and unknown names get the default.</summary>
    public PublicTheme For(Tenant? tenant)
    {
        var name = tenant?.Theme;
        if (string.IsNullOrEmpty(name))
        {
            return Default;
        }
        if (_byName.TryGetValue(name, out var theme))
        {
            return theme;
        }
        // Once per name and process: every page of such a clinic would say it again.
        if (_reportedUnknown.TryAdd(name, true))
        {
            _logger.LogWarning("Clinic {Slug} asks for theme {Theme}, which is not installed; its pages use the {Default} theme",
                tenant!.Slug, name, DefaultName);
        }
        return Default;
    }

    /// <summary>The layout of the clinic's public pages, for a <c>_ViewStart</c>: <c>Layout = Themes.LayoutFor(Tenancy.Tenant)</c>.</summary>
    public string LayoutFor(Tenant? tenant) => For(tenant).Layout;

    private PublicTheme Default => _byName.GetValueOrDefault(DefaultName) ?? Fallback;
}
