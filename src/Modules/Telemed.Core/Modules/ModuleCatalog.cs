using System.Reflection;
using Microsoft.Extensions.DependencyModel;

namespace Telemed.Core.Modules;

/// <summary>
/// The installed modules: every Telemed.* assembly the application depends on that carries a
/// <see cref="ModuleManifestAttribute"/>, ordered by what each requires. Other Telemed.* assemblies
/// (themes, libraries) are kept as application parts for their pages and files.
/// </summary>
public sealed class ModuleCatalog
{
    public IReadOnlyList<ModuleInfo> Modules { get; }
    public IReadOnlyList<ModuleStartup> Startups { get; }
    public IReadOnlyList<Assembly> Assemblies { get; }

    private ModuleCatalog(IReadOnlyList<ModuleInfo> modules, IReadOnlyList<Assembly> assemblies)
    {
        Modules = modules;
        Startups = modules.SelectMany(m => m.Startups).ToList();
        Assemblies = assemblies;
    }

    public bool Has(string moduleId) => Modules.Any(m => m.Id == moduleId);

    /// <summary>Where a module comes in the start-up order; unknown ids sort last.</summary>
    public int PositionOf(string moduleId)
    {
        for (var i = 0; i < Modules.Count; i++)
        {
            if (Modules[i].Id == moduleId)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <param name="additional">Assemblies to load as well (a test's own module).</param>
    public static ModuleCatalog Discover(Assembly entryAssembly, IEnumerable<Assembly>? additional = null)
    {
        var names = (DependencyContext.Load(entryAssembly) ?? DependencyContext.Default)?.RuntimeLibraries
            .Where(library => library.Name.StartsWith("Telemed.", StringComparison.Ordinal))
            .Select(library => library.Name)
            .ToList() ?? [];

        var assemblies = names
            .Select(TryLoad)
            .OfType<Assembly>()
            .Append(typeof(ModuleCatalog).Assembly)
            .Concat(additional ?? [])
            .Distinct()
            .ToList();
        return From(assemblies);
    }

    public static ModuleCatalog From(IReadOnlyList<Assembly> assemblies)
    {
        var unmanifested = assemblies
            .Where(a => a.GetCustomAttribute<ModuleManifestAttribute>() is null
                && a.GetExportedTypes().Any(t => t.IsSubclassOf(typeof(ModuleStartup)) && !t.IsAbstract))
            .Select(a => a.GetName().Name)
            .ToList();
        if (unmanifested.Count > 0)
        {
            throw new ModuleRequirementException($"These assemblies have a module startup but no [assembly: ModuleManifest(...)]: {string.Join(", ", unmanifested)}.");
        }

        var modules = assemblies
            .Select(a => (Assembly: a, Manifest: a.GetCustomAttribute<ModuleManifestAttribute>()))
            .Where(m => m.Manifest is not null)
            .Select(m => ModuleInfo.Of(m.Assembly, m.Manifest!));
        return new ModuleCatalog(ModuleOrder.Sort(modules), assemblies);
    }

    private static Assembly? TryLoad(string name)
    {
        try { return Assembly.Load(new AssemblyName(name)); }
        catch (FileNotFoundException) { return null; }
    }
}
