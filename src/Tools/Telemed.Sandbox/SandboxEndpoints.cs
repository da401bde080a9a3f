using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Sandbox.Faults;
using Telemed.Sandbox.Inspection;

namespace Telemed.Sandbox;

public static class SandboxEndpoints
{
    /// <summary>
    /// Mounts every registered provider under <c>{prefix}/{provider}</c> (e.g. <c>/sandbox/zoom/oauth/token</c>,
    /// <c>/sandbox/zoom/v2/users/me</c>) and the control endpoints under <c>{prefix}/_sandbox</c>.
    /// Pass an empty prefix to serve the sandbox from the root of a standalone host. The control endpoints
    /// answer only requests carrying <see cref="SandboxOptions.ControlKey"/> or allowed by <paramref name="allowControl"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapProviderSandbox(this IEndpointRouteBuilder app, string prefix = "", Func<HttpContext, ValueTask<bool>>? allowControl = null)
    {
        // Every provider module that uses the sandbox asks for it; the first mapping serves them all.
        if (app.ServiceProvider.GetService<SandboxRegistration>() is { } registration)
        {
            if (registration.Mapped)
            {
                return app;
            }

            registration.Mapped = true;
        }

        var root = "/" + prefix.Trim('/');
        if (root == "/")
        {
            root = "";
        }

        var control = app.MapGroup(root + "/_sandbox").WithTags("Sandbox control").ExcludeFromDescription()
            .AddEndpointFilter(new SandboxControlAccess(allowControl));
        control.MapInspectionEndpoints();

        foreach (var provider in app.ServiceProvider.GetServices<ISandboxProvider>())
        {
            var basePath = $"{root}/{provider.Name}";
            provider.MapProviderEndpoints(app.MapGroup(basePath).WithTags($"Sandbox {provider.Name}"), basePath);

            var providerControl = control.MapGroup(provider.Name);
            providerControl.MapFaultEndpoints(provider);
            provider.MapControlEndpoints(providerControl);
        }

        return app;
    }

    /// <summary>
    /// Puts a provider endpoint group behind the request log and, when <paramref name="responses"/> is given, fault
    /// injection. <paramref name="resolveAccount"/> tells which account a request is for (from its token or form),
    /// so per-account faults can apply.
    /// </summary>
    public static RouteGroupBuilder WithSandboxPipeline(
        this RouteGroupBuilder group,
        string provider,
        Func<HttpContext, ValueTask<string?>> resolveAccount,
        IFaultResponses? responses)
    {
        var services = ((IEndpointRouteBuilder)group).ServiceProvider;
        var log = services.GetRequiredService<RequestLog>();
        var clock = services.GetRequiredService<TimeProvider>();
        var faults = services.GetRequiredService<FaultRegistry>();

        group.AddEndpointFilter(new RequestLogFilter(provider, log, clock, resolveAccount));
        if (responses is not null)
        {
            group.AddEndpointFilter(new FaultInjectionFilter(provider, faults, responses));
        }

        return group;
    }
}
