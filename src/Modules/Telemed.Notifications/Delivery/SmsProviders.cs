using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Telemed.Core.Hosting;

namespace Telemed.Notifications.Delivery;

/// <summary>The answer of an SMS provider to one message.</summary>
public sealed record SmsResult(bool Accepted, string Answer, bool Permanent = false);

/// <summary>Sends text messages; one provider is configured per platform.</summary>
public interface ISmsProvider
{
    string Name { get; }

    Task<SmsResult> SendAsync(string to, string text, string sender, CancellationToken cancellationToken);
}

public sealed class SmsOptions
{
    /// <summary>The provider's send endpoint (JSON <c>{to, from, text}</c>); empty: the built-in sandbox at <c>/sms-sandbox/messages</c>.</summary>
    public string? EndpointUrl { get; set; }
    public string? ApiKey { get; set; }

    /// <summary>The shared key the provider sends with inbound replies (STOP) in <c>X-Sms-Key</c>.</summary>
    public string InboundKey { get; set; } = "";

    public string Sender { get; set; } = "Telemed";
}

/// <summary>An SMS provider over HTTP: posts JSON, reads the message id or error back.</summary>
public sealed class HttpSmsProvider(HttpClient http, IOptions<SmsOptions> options, IServer server) : ISmsProvider
{
    public string Name => "http";

    public async Task<SmsResult> SendAsync(string to, string text, string sender, CancellationToken cancellationToken)
    {
        var endpoint = options.Value.EndpointUrl is { Length: > 0 } configured
            ? configured
            : (ServerAddress.Listening(server) ?? throw new InvalidOperationException("The server is not listening yet.")).GetLeftPart(UriPartial.Authority) + SmsSandbox.MessagesPath;
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = JsonContent.Create(new { to, from = sender, text }) };
        if (!string.IsNullOrEmpty(options.Value.ApiKey))
        {
            request.Headers.Authorization = new("Bearer", options.Value.ApiKey);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        var answer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}".Trim();
        var code = (int)response.StatusCode;
        return new SmsResult(response.IsSuccessStatusCode, answer.Length > 500 ? answer[..500] : answer, Permanent: code is >= 400 and < 500 and not 429);
    }
}

/// <summary>The SMS sandbox: accepts messages like a provider would and keeps the latest for inspection.</summary>
public sealed class SmsSandbox
{
    public const string MessagesPath = "/sms-sandbox/messages";
    private readonly ConcurrentQueue<SandboxSms> _messages = new();

    public sealed record SandboxSms(string Id, string To, string From, string Text, DateTimeOffset ReceivedAt);

    public SandboxSms Accept(string to, string from, string text)
    {
        var sms = new SandboxSms("SM" + Guid.NewGuid().ToString("N")[..16], to, from, text, DateTimeOffset.UtcNow);
        _messages.Enqueue(sms);
        while (_messages.Count > 1000 && _messages.TryDequeue(out _)) { }
        return sms;
    }

    public IReadOnlyList<SandboxSms> Messages => [.. _messages];
}
