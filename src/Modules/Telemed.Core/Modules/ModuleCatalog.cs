using System.Reflection;
using Microsoft.Extensions.DependencyModel;

namespace Telemed.Core.Modules;

/// <summary>Discovers module startups in the application's Telemed.* dependencies.</summary>
public sealed class ModuleCatalog
{
    public IReadOnlyList<ModuleStartup> Startups { get; }
    public IReadOnlyList<Assembly> Assemblies { get; }

    private ModuleCatalog(IReadOnlyList<ModuleStartup> startups, IReadOnlyList<Assembly> assemblies)
    {
        Startups = startups;
        Assemblies = assemblies;
    }

    public static ModuleCatalog Discover(Assembly entryAssembly)
    {
        var names = (DependencyContext.Load(entryAssembly) ?? DependencyContext.Default)?.RuntimeLibraries
            .Where(library => library.Name.StartsWith("Telemed.", StringComparison.Ordinal))
            .Select(library => library.Name)
            .ToList() ?? [];

        var assemblies = names
            .Select(TryLoad)
            .OfType<Assembly>()
            .Append(typeof(ModuleCatalog).Assembly)
            .Distinct()
            .ToList();

        var startups = assemblies
            .SelectMany(assembly => assembly.GetExportedTypes())
            .Where(type => type.IsSubclassOf(typeof(ModuleStartup)) && !type.IsAbstract)
            .Select(type => (ModuleStartup)Activator.CreateInstance(type)!)
            .OrderBy(startup => startup.Order)
            .ThenBy(startup => startup.GetType().FullName, StringComparer.Ordinal)
            .ToList();

        return new ModuleCatalog(startups, assemblies);
    }

    private static Assembly? TryLoad(string name)
    {
        try { return Assembly.Load(new AssemblyName(name)); }
        catch (FileNotFoundException) { return null; }
    }
}
