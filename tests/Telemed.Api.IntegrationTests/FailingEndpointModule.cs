using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Telemed.Core.Api;
using Telemed.Core.Modules;

[assembly: ModuleManifest(Telemed.Api.IntegrationTests.FailingEndpointStartup.ModuleId, "Failing API endpoint (tests)", Requires = ["Telemed.Api"])]

namespace Telemed.Api.IntegrationTests;

/// <summary>A test-only module with an API endpoint that always fails, installed only by <see cref="ApiFailuresShould"/>.</summary>
public sealed class FailingEndpointStartup : ModuleStartup
{
    public const string ModuleId = "Telemed.Api.IntegrationTests";
    public const string SecretInTheFailure = "connection string with password hunter2";

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(ApiRoutes.Prefix + "/test-failure", string () => throw new InvalidOperationException(SecretInTheFailure))
            .RequireAuthorization(ApiScopes.Policies.Read);
}
