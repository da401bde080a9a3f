using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Telemed.Core.Modules;

/// <summary>
/// The one entry point of a module. The host finds every non-abstract subclass in the modules'
/// assemblies and calls them in module order: a module after the modules its manifest requires.
/// </summary>
public abstract class ModuleStartup
{
    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration) { }

    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}
