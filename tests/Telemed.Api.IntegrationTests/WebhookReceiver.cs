using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Telemed.Api.IntegrationTests;

/// <summary>A request as the receiver got it.</summary>
public sealed record ReceivedWebhook(string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}

/// <summary>
/// A clinic's endpoint, for real: Kestrel on a loopback port. Answers each request with the next status of a script
/// (then the last one for ever), and checks signatures with its own code, written from the README's description only.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly int[] _statuses;
    private int _count;

    private WebhookReceiver(int[] statuses)
    {
        _statuses = statuses.Length == 0 ? [200] : statuses;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            _received.Enqueue(new ReceivedWebhook(context.Request.Path, headers, body));
            var index = Interlocked.Increment(ref _count) - 1;
            var status = _statuses[Math.Min(index, _statuses.Length - 1)];
            context.Response.StatusCode = status;
            await context.Response.WriteAsync(status < 300 ? "thanks" : $"receiver failed with {status}");
        });
    }

    /// <param name="statuses">The status of each answer in turn; the last one repeats.</param>
    public static async Task<WebhookReceiver> StartAsync(params int[] statuses)
    {
        var receiver = new WebhookReceiver(statuses);
        await receiver._app.StartAsync();
        return receiver;
    }

    public string Url(string path = "/hooks") =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + path;

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count, string what) =>
        Waiting.ForAsync(() => Task.FromResult(Received), r => r.Count >= count, r => $"{r.Count} received", what);

    /// <summary>
    /// The documented check: hex HMAC-SHA256, keyed with the whole secret's UTF-8 bytes, over "{timestamp}.{body}", compared in
    /// constant time with each v1= value of the signature header.
    /// </summary>
    public static bool Verify(string secret, string timestamp, string body, string signatureHeader)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = Encoding.ASCII.GetBytes(Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(timestamp + "." + body))).ToLowerInvariant());
        return signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => part.StartsWith("v1=", StringComparison.Ordinal))
            .Any(part => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(part[3..]), expected));
    }

    public static bool Verify(string secret, ReceivedWebhook request) =>
        Verify(secret, request.Header("Telemed-Webhook-Timestamp"), request.Body, request.Header("Telemed-Webhook-Signature"));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
