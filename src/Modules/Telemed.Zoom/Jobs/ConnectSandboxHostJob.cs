using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemed.Core.Clinic;
using Telemed.Core.Hosting;
using Telemed.Core.Jobs;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;
using Telemed.Meetings.Connections;
using Telemed.Meetings.Planning;
using Telemed.Sandbox.Zoom.Accounts;
using Telemed.Sandbox.Zoom.OAuth;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.Jobs;

/// <summary>
/// Connects a seeded host to the mounted sandbox's Zoom, as if they had clicked Connect Zoom and Allow as the sandbox
/// user of their e-mail: the product's own OAuth flow (PKCE, signed state, code exchange over HTTP) runs; only the consent
/// click is done in-process. A job, because the code exchange needs the host listening, which seeding happens before.
/// </summary>
public sealed class ConnectSandboxHostJob(
    IServiceProvider services,
    ConnectionFlow connections,
    ZoomConnector connector,
    MeetingPlanner planner,
    PublicUrls publicUrls,
    TenantContext tenantContext,
    IOptions<ZoomOptions> options,
    ILogger<ConnectSandboxHostJob> logger) : IJobHandler
{
    public const string Kind = "zoom.sandbox-connect";

    public static JobRequest Request(Guid tenantId, string userEmail) =>
        new(Kind, JsonSerializer.Serialize(new Payload(userEmail))) { TenantId = tenantId, MaxAttempts = 30 };

    public async Task ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        var email = JsonSerializer.Deserialize<Payload>(job.PayloadJson)!.UserEmail;
        var sandboxUsers = services.GetService<ZoomUserDirectory>();
        var sandboxTokens = services.GetService<ZoomTokenStore>();
        if (!options.Value.SandboxMounted || sandboxUsers is null || sandboxTokens is null)
        {
            return;
        }

        var user = await services.GetRequiredService<IUserDirectory>().FindByEmailAsync(email, cancellationToken);
        var host = user is null ? null : await (services.GetService<IHostDirectory>()?.FindByUserAsync(user.Id, cancellationToken) ?? Task.FromResult<HostSummary?>(null));
        if (user is null || host is null)
        {
            logger.LogWarning("No host signs in as {Email}, so nobody is connected to the sandbox's Zoom for it", email);
            return;
        }

        if (await connections.FindAsync(connector.ProviderId, host.Id, cancellationToken) is { IsConnected: true })
        {
            return;
        }

        var redirectUri = publicUrls.ForTenant(tenantContext.Required) + connector.CallbackPath;
        var authorize = new Uri(await connections.BeginAsync(connector, host.Id, user.Id, redirectUri, cancellationToken));
        var query = QueryHelpers.ParseQuery(authorize.Query);
        var code = sandboxTokens.IssueCode(
            new AuthorizationRequest(query["client_id"]!, redirectUri, query["state"], query["code_challenge"], query["code_challenge_method"]),
            sandboxUsers.FindOrCreate(email) ?? throw new InvalidOperationException($"The sandbox has no Zoom user for {email}."));
        var outcome = await connections.CompleteAsync(connector, query["state"], code, null, user.Id, cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"Connecting {email} to the sandbox's Zoom failed: {outcome.Error}");
        }

        await planner.ResumeHostAsync(host.Id, cancellationToken);
        logger.LogInformation("Connected {Host} to the sandbox's Zoom as {Email}", host.DisplayName, email);
    }

    private sealed record Payload(string UserEmail);
}
