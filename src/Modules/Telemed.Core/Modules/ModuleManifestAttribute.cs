namespace Telemed.Core.Modules;

/// <summary>
/// Who a module is and which modules it cannot work without, as data (each module's <c>Manifest.cs</c>):
/// <c>[assembly: ModuleManifest("Telemed.Zoom", "Zoom", Requires = ["Telemed.Meetings"])]</c>.
/// The host starts modules after the ones they require and refuses to start when one is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ModuleManifestAttribute(string id, string name) : Attribute
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public string[] Requires { get; init; } = [];
}
