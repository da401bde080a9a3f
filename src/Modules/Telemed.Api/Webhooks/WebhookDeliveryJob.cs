using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telemed.Api.Data;
using Telemed.Core.Http;
using Telemed.Core.Jobs;

namespace Telemed.Api.Webhooks;

/// <summary>
/// One attempt of one delivery: POSTs the stored body, signed with a fresh timestamp, logs what came back, and either
/// finishes (a 2xx), asks the queue to try again later (with backoff, or the endpoint's Retry-After), or, after the last
/// attempt, counts the failure against the endpoint.
/// </summary>
public sealed class WebhookDeliveryJob(
    ApiDb db, WebhookSecrets secrets, WebhookAddresses addresses, WebhookFailures failures, IHttpClientFactory http,
    IOptions<WebhookOptions> options, TimeProvider clock) : IJobHandler
{
    public const string HttpClientName = "api.webhooks";

    public async Task ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        var id = WebhookDispatcher.ReadPayload(job.PayloadJson).DeliveryId;
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (delivery is null || delivery.Status is WebhookDeliveryStatus.Delivered or WebhookDeliveryStatus.Failed or WebhookDeliveryStatus.Disabled)
        {
            return;
        }
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        var now = clock.GetUtcNow();
        if (!subscription.Enabled)
        {
            Finish(delivery, WebhookDeliveryStatus.Disabled, now);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var (attempt, retryAfter) = await SendAsync(delivery, subscription, now, cancellationToken);
        db.WebhookAttempts.Add(attempt);
        delivery.Attempts = attempt.Attempt;
        delivery.LastStatusCode = attempt.StatusCode;
        delivery.LastDurationMs = attempt.DurationMs;
        if (attempt.Succeeded)
        {
            Finish(delivery, WebhookDeliveryStatus.Delivered, now);
            await db.SaveChangesAsync(cancellationToken);
            await failures.RecordSuccessAsync(subscription.Id, cancellationToken);
            return;
        }
        if (job.Attempt < job.MaxAttempts)
        {
            var notBefore = retryAfter ?? now + options.Value.Backoff(job.Attempt);
            delivery.Status = WebhookDeliveryStatus.Retrying;
            delivery.NextAttemptAt = notBefore;
            delivery.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            throw new RetryJobLaterException($"Webhook {delivery.EventId} to {new Uri(subscription.Url).Host}: {attempt.Error ?? $"answered {attempt.StatusCode}"}", notBefore);
        }
        // The last attempt: the delivery has failed for good. The job itself succeeds: the failure is the endpoint's, shown
        // in its delivery log (and counted towards turning it off), not a fault of the product's background work.
        Finish(delivery, WebhookDeliveryStatus.Failed, now);
        await db.SaveChangesAsync(cancellationToken);
        await failures.RecordFailureAsync(subscription.Id, cancellationToken);
    }

    private static void Finish(WebhookDelivery delivery, string status, DateTimeOffset now)
    {
        delivery.Status = status;
        delivery.NextAttemptAt = null;
        delivery.UpdatedAt = now;
    }

    private async Task<(WebhookAttempt Attempt, DateTimeOffset? RetryAfter)> SendAsync(WebhookDelivery delivery, WebhookSubscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timestamp = now.ToUnixTimeSeconds();
        var uri = new Uri(subscription.Url);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(delivery.Body, new UTF8Encoding(false), "application/json"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", WebhookSignature.UserAgent);
        request.Headers.Add(WebhookSignature.IdHeader, delivery.EventId);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secrets.Unprotect(subscription.SecretProtected), timestamp, delivery.Body));

        DateTimeOffset? retryAfterAt = null;
        var attempt = new WebhookAttempt
        {
            DeliveryId = delivery.Id,
            Attempt = delivery.Attempts + 1,
            AttemptedAt = now,
            // The signature is shown as sent: it is worthless without the secret, and useful when a receiver disagrees.
            RequestHeaders = $"POST {uri}\nContent-Type: application/json; charset=utf-8\n"
                + string.Join("\n", request.Headers.Select(h => $"{h.Key}: {string.Join(", ", h.Value)}")),
        };
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (await OutboundAddresses.AnyRefusedAsync(uri.Host, addresses.MayConnect, cancellationToken))
            {
                attempt.Error = $"{uri.Host} is a private or loopback address; webhooks are only sent to public ones.";
                return (attempt, null);
            }
            var client = http.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            attempt.StatusCode = (int)response.StatusCode;
            attempt.ResponseBody = await ReadStartAsync(response, options.Value.ResponseBodyLimit, cancellationToken);
            attempt.Succeeded = response.IsSuccessStatusCode;
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is { } retryAfter)
            {
                var at = retryAfter.Date ?? now + (retryAfter.Delta ?? TimeSpan.Zero);
                retryAfterAt = at > now + TimeSpan.FromDays(1) ? now + TimeSpan.FromDays(1) : at;
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or SocketException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            attempt.Error = exception is TaskCanceledException
                ? $"No answer within {options.Value.TimeoutSeconds} seconds."
                : exception.InnerException?.Message is { Length: > 0 } inner ? $"{exception.Message} ({inner})" : exception.Message;
        }
        finally
        {
            attempt.DurationMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        return (attempt, retryAfterAt);
    }

    private static async Task<string> ReadStartAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[limit];
        var read = 0;
        int n;
        while (read < limit && (n = await stream.ReadAsync(buffer.AsMemory(read, limit - read), cancellationToken)) > 0)
        {
            read += n;
        }
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
