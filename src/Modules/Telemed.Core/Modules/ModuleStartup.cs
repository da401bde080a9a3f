using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Telemed.Core.Modules;

/// <summary>
/// The one entry point of a module. The host finds every non-abstract subclass in the
/// Telemed.* assemblies it references, orders them by <see cref="Order"/>, and calls them.
/// </summary>
public abstract class ModuleStartup
{
    /// <summary>Lower runs first; the kernel uses negative numbers, features 0 and up.</summary>
    public virtual int Order => 0;

    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration) { }

    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}
