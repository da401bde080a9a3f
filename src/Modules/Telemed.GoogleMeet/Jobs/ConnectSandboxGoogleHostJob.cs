using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telemed.Core.Jobs;
using Telemed.GoogleMeet.Services;
using Telemed.Meetings.Connections;
using Telemed.Sandbox.Google.Accounts;
using Telemed.Sandbox.Google.OAuth;

namespace Telemed.GoogleMeet.Jobs;

/// <summary>
/// Connects a seeded host to the mounted sandbox's Google as the sandbox account of their e-mail, every scope granted
/// (see <see cref="SandboxHostConnector"/>). A job, because the code exchange needs the host listening.
/// </summary>
public sealed class ConnectSandboxGoogleHostJob(IServiceProvider services, SandboxHostConnector sandbox, GoogleConnector connector, IOptions<GoogleOptions> options)
    : IJobHandler
{
    public const string Kind = "google-meet.sandbox-connect";

    public static JobRequest Request(Guid tenantId, string userEmail) =>
        new(Kind, JsonSerializer.Serialize(new Payload(userEmail))) { TenantId = tenantId, MaxAttempts = 30 };

    public async Task ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        var email = JsonSerializer.Deserialize<Payload>(job.PayloadJson)!.UserEmail;
        var accounts = services.GetService<GoogleAccountDirectory>();
        var tokens = services.GetService<GoogleTokenStore>();
        if (!options.Value.SandboxMounted || accounts is null || tokens is null)
        {
            return;
        }

        await sandbox.ConnectAsync(connector, email, (query, redirectUri) =>
        {
            var scope = query["scope"].ToString();
            var request = new GoogleAuthorizationRequest(query["client_id"]!, redirectUri, query["state"], query["code_challenge"], query["code_challenge_method"],
                scope, Offline: query["access_type"] == "offline", PromptConsent: query["prompt"] == "consent");
            return tokens.IssueCode(request, accounts.FindOrCreate(email) ?? throw new InvalidOperationException($"The sandbox has no Google account for {email}."), scope);
        }, cancellationToken);
    }

    private sealed record Payload(string UserEmail);
}
