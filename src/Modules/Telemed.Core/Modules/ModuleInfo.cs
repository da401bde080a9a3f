using System.Reflection;

namespace Telemed.Core.Modules;

/// <summary>An installed module: its manifest, its assembly and the startups found in it.</summary>
public sealed record ModuleInfo(string Id, string Name, IReadOnlyList<string> Requires, Assembly Assembly, IReadOnlyList<ModuleStartup> Startups)
{
    public static ModuleInfo Of(Assembly assembly, ModuleManifestAttribute manifest) => new(
        manifest.Id, manifest.Name, manifest.Requires, assembly,
        assembly.GetExportedTypes()
            .Where(type => type.IsSubclassOf(typeof(ModuleStartup)) && !type.IsAbstract)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (ModuleStartup)Activator.CreateInstance(type)!)
            .ToList());
}

/// <summary>The installed modules do not fit together: one requires a module that is missing, or two require each other.</summary>
public sealed class ModuleRequirementException(string message) : Exception(message);
