using Telemed.Core.Modules;
using Telemed.Web;

namespace Telemed.IntegrationTests;

/// <summary>Modules start after the modules their manifests require; a missing or circular requirement stops the host with a clear message.</summary>
public sealed class ModulesShould
{
    [Fact]
    public void StartEveryModuleOfTheProductAfterTheModulesItRequires()
    {
        var catalog = ModuleCatalog.Discover(typeof(TelemedWebApp).Assembly);
        var ids = catalog.Modules.Select(m => m.Id).ToList();

        Assert.Equal("Telemed.Core", ids[0]);
        Assert.All(catalog.Modules, module => Assert.All(module.Requires, required => Assert.True(ids.IndexOf(required) < ids.IndexOf(module.Id),
            $"{module.Id} starts before {required}, which it requires: {string.Join(", ", ids)}")));
        Assert.Contains("Telemed.Zoom", ids);
        Assert.Equal(catalog.Modules.SelectMany(m => m.Startups), catalog.Startups);
    }

    [Fact]
    public void OrderModulesByRequirementsThenById()
    {
        var ordered = ModuleOrder.Sort([Module("Telemed.Zoom", "Telemed.Meetings"), Module("Telemed.Meetings", "Telemed.Core"), Module("Telemed.Booking", "Telemed.Core"), Module("Telemed.Core")]);

        Assert.Equal(["Telemed.Core", "Telemed.Booking", "Telemed.Meetings", "Telemed.Zoom"], ordered.Select(m => m.Id));
    }

    [Fact]
    public void RefuseToStartWhenARequiredModuleIsMissing()
    {
        var refusal = Assert.Throws<ModuleRequirementException>(() => ModuleOrder.Sort([Module("Telemed.Core"), Module("Telemed.Zoom", "Telemed.Meetings")]));

        Assert.Equal("The host cannot start: module Telemed.Zoom (Telemed.Zoom module) requires Telemed.Meetings, which is not installed (reference its project from the host).", refusal.Message);
    }

    [Fact]
    public void RefuseToStartWhenModulesRequireEachOther()
    {
        var refusal = Assert.Throws<ModuleRequirementException>(() => ModuleOrder.Sort([Module("Telemed.A", "Telemed.B"), Module("Telemed.B", "Telemed.A")]));

        Assert.Contains("require each other in a circle: Telemed.A (requires Telemed.B), Telemed.B (requires Telemed.A)", refusal.Message);
    }

    [Fact]
    public void RefuseTwoModulesWithOneId()
    {
        var refusal = Assert.Throws<ModuleRequirementException>(() => ModuleOrder.Sort([Module("Telemed.A"), Module("Telemed.A")]));

        Assert.Contains("Two assemblies declare the module id Telemed.A", refusal.Message);
    }

    private static ModuleInfo Module(string id, params string[] requires) => new(id, id + " module", requires, typeof(ModulesShould).Assembly, []);
}
