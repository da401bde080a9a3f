using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Telemed.Core.Clinic;
using Telemed.Core.Hosting;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;
using Telemed.Meetings.Planning;
using Telemed.Meetings.Providers;

namespace Telemed.Meetings.Connections;

/// <summary>
/// Connects a seeded host to a provider sandbox mounted in this host, as if they had clicked Connect and Allow: the
/// product's own OAuth flow (PKCE, signed state, code exchange over HTTP) runs; only the consent click is done in-process,
/// by <c>consent</c>, which turns the authorize request's query into an authorization code.
/// </summary>
public sealed class SandboxHostConnector(
    IServiceProvider services,
    ConnectionFlow connections,
    MeetingPlanner planner,
    PublicUrls publicUrls,
    TenantContext tenantContext,
    ILogger<SandboxHostConnector> logger)
{
    public async Task ConnectAsync(IOAuthConnector connector, string email, Func<IDictionary<string, StringValues>, string, string> consent,
        CancellationToken cancellationToken)
    {
        var user = await services.GetRequiredService<IUserDirectory>().FindByEmailAsync(email, cancellationToken);
        var host = user is null ? null : await (services.GetService<IHostDirectory>()?.FindByUserAsync(user.Id, cancellationToken) ?? Task.FromResult<HostSummary?>(null));
        if (user is null || host is null)
        {
            logger.LogWarning("No host signs in as {Email}, so nobody is connected to the sandbox's {Provider} for it", email, connector.ProviderId);
            return;
        }

        if (await connections.FindAsync(connector.ProviderId, host.Id, cancellationToken) is { IsConnected: true })
        {
            return;
        }

        var redirectUri = publicUrls.ForTenant(tenantContext.Required) + connector.CallbackPath;
        var authorize = new Uri(await connections.BeginAsync(connector, host.Id, user.Id, redirectUri, cancellationToken));
        var query = QueryHelpers.ParseQuery(authorize.Query);
        var code = consent(query, redirectUri);
        var outcome = await connections.CompleteAsync(connector, query["state"], code, null, user.Id, cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"Connecting {email} to the sandbox's {connector.ProviderId} failed: {outcome.Error}");
        }

        await planner.ResumeHostAsync(host.Id, cancellationToken);
        logger.LogInformation("Connected {Host} to the sandbox's {Provider} as {Email}", host.DisplayName, connector.ProviderId, email);
    }
}
