using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telemed.Core.Jobs;
using Telemed.Meetings.Connections;
using Telemed.Sandbox.Zoom.Accounts;
using Telemed.Sandbox.Zoom.OAuth;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.Jobs;

/// <summary>
/// Connects a seeded host to the mounted sandbox's Zoom as the sandbox user of their e-mail (see <see cref="SandboxHostConnector"/>).
/// A job, because the code exchange needs the host listening, which seeding happens before.
/// </summary>
public sealed class ConnectSandboxHostJob(IServiceProvider services, SandboxHostConnector sandbox, ZoomConnector connector, IOptions<ZoomOptions> options) : IJobHandler
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

        await sandbox.ConnectAsync(connector, email, (query, redirectUri) => sandboxTokens.IssueCode(
            new AuthorizationRequest(query["client_id"]!, redirectUri, query["state"], query["code_challenge"], query["code_challenge_method"]),
            sandboxUsers.FindOrCreate(email) ?? throw new InvalidOperationException($"The sandbox has no Zoom user for {email}.")), cancellationToken);
    }

    private sealed record Payload(string UserEmail);
}
