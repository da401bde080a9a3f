using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telemed.Core.Http;
using Telemed.Core.Jobs;
using Telemed.Core.Workflows;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.Activities;

/// <summary>
/// Calls an HTTPS endpoint of the clinic's (an EHR, an automation) with a Liquid body, signed so the receiver can trust
/// it: <c>Telemed-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body" with the clinic's workflow key&gt;</c>, and
/// an <c>Idempotency-Key</c> that is the same when the step is retried. 5xx and timeouts are retried; other answers end Failed.
/// </summary>
public sealed class HttpRequestActivity : WorkflowActivity
{
    public const string HttpClientName = "workflows.http";
    public const string SignatureHeader = "Telemed-Signature";

    public override string Type => "workflows.http";
    public override string DisplayName => "HTTP request";
    public override string Category => "Integrations";
    public override string Description => "Sends a signed request to a web address (your EHR, an automation).";
    public override IReadOnlyList<string> Outcomes => [Done, Failed];

    public override IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("url", "URL", PropertyKind.Liquid) { Required = true, MaxLength = 2000, Help = "https://… (Liquid allowed)" },
        new("method", "Method", PropertyKind.Select) { Default = "POST", Options = [new("POST", "POST"), new("PUT", "PUT"), new("GET", "GET"), new("DELETE", "DELETE")] },
        new("body", "Body", PropertyKind.LiquidBlock)
        {
            MaxLength = 20_000,
            Default = """{ "appointment": "{{ appointment.id }}", "status": "{{ appointment.status }}" }""",
            Help = "Sent as application/json.",
        },
    ];

    public override IEnumerable<string> Validate(ActivityProperties properties)
    {
        var url = properties.Get("url") ?? "";
        if (!url.Contains("{{") && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            yield return "URL must be an absolute http(s) address.";
        }
    }

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var method = new HttpMethod(context.Properties.GetOr("method", "POST"));
        var url = context.Render(context.Properties.Get("url") ?? "").Trim();
        var body = method == HttpMethod.Get || method == HttpMethod.Delete ? "" : context.Render(context.Properties.GetOr("body", ""));
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return ActivityResult.Outcome(Failed, $"'{url}' is not an http(s) address.");
        }
        if (context.DryRun)
        {
            return ActivityResult.Outcome(Done, $"Would {method} {uri} ({body.Length} characters, signed).");
        }
        var options = context.Services.GetRequiredService<IOptions<WorkflowsOptions>>().Value;
        if (!options.AllowPrivateHttpTargets && await OutboundAddresses.AnyPrivateAsync(uri.Host, cancellationToken))
        {
            return ActivityResult.Outcome(Failed, $"{uri.Host} is a private or loopback address; workflows only call public ones.");
        }

        var key = await context.Services.GetRequiredService<WorkflowSigningKeys>().GetAsync(cancellationToken);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(method, uri);
        if (body.Length > 0)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        request.Headers.Add("Idempotency-Key", context.IdempotencyKey);
        request.Headers.Add(SignatureHeader, $"t={timestamp},v1={Sign(key, timestamp, body)}");
        var client = context.Services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        client.Timeout = TimeSpan.FromSeconds(options.HttpTimeoutSeconds);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new RetryJobLaterException($"{uri.Host} did not answer: {exception.Message}");
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            if (status >= 500 || status == 429)
            {
                throw new RetryJobLaterException($"{uri.Host} answered {status}.", response.Headers.RetryAfter?.Date);
            }
            return ActivityResult.Outcome(response.IsSuccessStatusCode ? Done : Failed, $"{method} {uri} → {status} {response.ReasonPhrase}");
        }
    }

    /// <summary>The v1 signature: hex HMAC-SHA256 of "timestamp.body".</summary>
    public static string Sign(byte[] key, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
