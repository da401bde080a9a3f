using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Telemed.Sandbox.Zoom.Webhooks;

/// <summary>
/// Sends signed Zoom webhooks to the product's endpoint and retries unacknowledged ones on Zoom's schedule
/// (shortened through options in tests). Every delivery and attempt is kept for inspection.
/// </summary>
public sealed class ZoomWebhookSender : IDisposable
{
    private const int MaxResponseChars = 4096;

    private readonly IHttpClientFactory _httpClients;
    private readonly ZoomSandboxOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<ZoomWebhookSender> _logger;
    private readonly object _gate = new();
    private readonly List<ZoomWebhookDelivery> _deliveries = [];
    private CancellationTokenSource _retries = new();
    private int _nextId;

    public ZoomWebhookSender(IHttpClientFactory httpClients, IOptions<SandboxOptions> options, TimeProvider clock, ILogger<ZoomWebhookSender> logger)
    {
        _httpClients = httpClients;
        _options = options.Value.Zoom;
        _clock = clock;
        _logger = logger;
        EndpointUrl = _options.WebhookEndpointUrl;
    }

    /// <summary>The product's event-notification endpoint; null sends nothing. Control endpoints may change it.</summary>
    public string? EndpointUrl { get; set; }

    public ZoomWebhookSigner Signer => new(_options.WebhookSecretToken);

    public IReadOnlyList<ZoomWebhookDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return _deliveries.ToArray();
            }
        }
    }

    /// <summary>Sends an event and waits for the first attempt; failed deliveries keep retrying in the background.</summary>
    public async Task<ZoomWebhookDelivery?> SendAsync(ZoomWebhookEvent webhook, CancellationToken cancellationToken = default)
    {
        if (EndpointUrl is not { } url)
        {
            return null;
        }

        var delivery = Record(webhook, url);
        await AttemptAsync(delivery, cancellationToken);
        if (!delivery.Delivered && _options.EffectiveWebhookRetryDelays.Count > 0)
        {
            CancellationToken stopping;
            lock (_gate)
            {
                stopping = _retries.Token;
            }

            delivery.PendingRetries = _options.EffectiveWebhookRetryDelays.Count;
            _ = RetryAsync(delivery, stopping);
        }

        return delivery;
    }

    /// <summary>Sends an event without waiting, as Zoom does after a state change.</summary>
    public void Publish(ZoomWebhookEvent webhook) => _ = SendAsync(webhook);

    /// <summary>Sends <c>endpoint.url_validation</c> and checks the product answered 200 with the right encryptedToken.</summary>
    public async Task<ZoomUrlValidationResult?> ValidateEndpointAsync(CancellationToken cancellationToken = default)
    {
        if (EndpointUrl is not { } url)
        {
            return null;
        }

        var plainToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var delivery = Record(ZoomWebhookEvents.UrlValidation(plainToken, _clock.GetUtcNow()), url);
        var attempt = await AttemptAsync(delivery, cancellationToken);
        var expected = Signer.EncryptToken(plainToken);
        var reason = CheckValidationAnswer(attempt, plainToken, expected);
        return new ZoomUrlValidationResult(reason is null, reason ?? "validated", plainToken, expected, delivery);
    }

    public void Reset()
    {
        lock (_gate)
        {
            _retries.Cancel();
            _retries.Dispose();
            _retries = new CancellationTokenSource();
            _deliveries.Clear();
            EndpointUrl = _options.WebhookEndpointUrl;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _retries.Cancel();
            _retries.Dispose();
        }
    }

    private ZoomWebhookDelivery Record(ZoomWebhookEvent webhook, string url)
    {
        var delivery = new ZoomWebhookDelivery
        {
            Id = $"w{Interlocked.Increment(ref _nextId)}",
            Event = webhook.Event,
            Url = url,
            Body = JsonSerializer.Serialize(webhook, SandboxJson.SnakeCase),
            CreatedAt = _clock.GetUtcNow(),
        };

        lock (_gate)
        {
            _deliveries.Add(delivery);
        }

        return delivery;
    }

    private async Task RetryAsync(ZoomWebhookDelivery delivery, CancellationToken stopping)
    {
        try
        {
            foreach (var delay in _options.EffectiveWebhookRetryDelays)
            {
                await Task.Delay(delay, stopping);
                await AttemptAsync(delivery, stopping);
                delivery.PendingRetries = delivery.Delivered ? 0 : delivery.PendingRetries - 1;
                if (delivery.Delivered)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Reset or shutdown: retries are dropped, as Zoom drops them after the last one.
        }
    }

    private async Task<ZoomWebhookAttempt> AttemptAsync(ZoomWebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        var signature = Signer.Sign(timestamp, delivery.Body);
        var started = Stopwatch.GetTimestamp();
        ZoomWebhookAttempt attempt;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.WebhookTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
            {
                Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(ZoomWebhookSigner.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(ZoomWebhookSigner.SignatureHeader, signature);
            request.Headers.UserAgent.ParseAdd("Zoom Marketplace/1.0a");

            using var response = await _httpClients.CreateClient(SandboxHttpClients.Webhooks).SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            attempt = new ZoomWebhookAttempt(_clock.GetUtcNow(), timestamp, signature, (int)response.StatusCode,
                body.Length > MaxResponseChars ? body[..MaxResponseChars] : body, null, Elapsed(started));
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            var error = exception is OperationCanceledException && !cancellationToken.IsCancellationRequested
                ? $"no answer within {_options.WebhookTimeout.TotalSeconds:0.#} s"
                : exception.Message;
            _logger.LogInformation("Zoom sandbox webhook {Event} to {Url} failed: {Error}", delivery.Event, delivery.Url, error);
            attempt = new ZoomWebhookAttempt(_clock.GetUtcNow(), timestamp, signature, 0, null, error, Elapsed(started));
        }

        delivery.Add(attempt);
        return attempt;
    }

    private static string? CheckValidationAnswer(ZoomWebhookAttempt attempt, string plainToken, string expected)
    {
        if (attempt.StatusCode != 200)
        {
            return attempt.Error ?? $"endpoint answered {attempt.StatusCode}, expected 200";
        }

        try
        {
            using var json = JsonDocument.Parse(attempt.ResponseBody ?? "");
            var root = json.RootElement;
            if (!root.TryGetProperty("plainToken", out var plain) || plain.GetString() != plainToken)
            {
                return "plainToken missing or different from the one sent";
            }

            return root.TryGetProperty("encryptedToken", out var encrypted) && encrypted.GetString() == expected
                ? null
                : "encryptedToken is not HMAC-SHA256(secret token, plainToken)";
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return "answer is not the JSON object {plainToken, encryptedToken}";
        }
    }

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
