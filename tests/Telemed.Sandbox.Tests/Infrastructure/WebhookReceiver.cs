using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telemed.Sandbox.Zoom.Webhooks;

namespace Telemed.Sandbox.Tests.Infrastructure;

/// <summary>
/// Stands in for the product's Zoom event endpoint: verifies each delivery with <see cref="ZoomWebhookSigner"/>
/// over the raw body, answers URL validation with its own secret, and can be told to fail.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _scriptedStatuses = new();

    private WebhookReceiver(WebApplication app, string secret)
    {
        _app = app;
        Signer = new ZoomWebhookSigner(secret);
    }

    public ZoomWebhookSigner Signer { get; }
    public string Url { get; private set; } = "";
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>Status answered when no scripted one is queued.</summary>
    public int DefaultStatus { get; set; } = 200;

    public static async Task<WebhookReceiver> StartAsync(string secret = "sandboxWebhookSecret789")
    {
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, secret);
        app.MapPost("/zoom/events", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address + "/zoom/events";
        return receiver;
    }

    public void FailNext(int count, int status = 500)
    {
        for (var i = 0; i < count; i++)
        {
            _scriptedStatuses.Enqueue(status);
        }
    }

    public async Task<ReceivedWebhook> WaitForAsync(string eventName, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (DateTime.UtcNow < deadline)
        {
            if (Received.FirstOrDefault(w => w.Event == eventName) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No {eventName} webhook arrived.");
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var raw = buffer.ToArray();
        var verification = Signer.Verify(request.Headers[ZoomWebhookSigner.TimestampHeader], request.Headers[ZoomWebhookSigner.SignatureHeader], raw, DateTimeOffset.UtcNow);
        var json = JsonDocument.Parse(raw).RootElement.Clone();
        var webhook = new ReceivedWebhook(json.GetProperty("event").GetString()!, json, Encoding.UTF8.GetString(raw), verification);
        Received.Enqueue(webhook);

        var status = _scriptedStatuses.TryDequeue(out var scripted) ? scripted : DefaultStatus;
        if (status != 200)
        {
            return Results.StatusCode(status);
        }

        if (webhook.Event == ZoomWebhookEvents.UrlValidationEvent)
        {
            var plainToken = json.GetProperty("payload").GetProperty("plainToken").GetString()!;
            return Results.Json(new { plainToken, encryptedToken = Signer.EncryptToken(plainToken) });
        }

        return Results.Ok();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedWebhook(string Event, JsonElement Json, string RawBody, ZoomWebhookVerification Verification)
{
    public JsonElement Payload => Json.GetProperty("payload");
}
