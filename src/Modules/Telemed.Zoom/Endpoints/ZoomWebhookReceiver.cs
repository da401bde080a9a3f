using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Telemed.Core.Data;
using Telemed.Core.Jobs;
using Telemed.Core.Tenancy;
using Telemed.Sandbox.Zoom.Webhooks;
using Telemed.Meetings.Connections;
using Telemed.Meetings.Planning;
using Telemed.Meetings.Services;
using Telemed.Zoom.Jobs;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.Endpoints;

/// <summary>
/// Zoom's event notifications. Authentic (HMAC over the raw body with the app's secret token), fresh (timestamp
/// within five minutes), well formed (a JSON object with an event, else 400) and new (a replay is refused, however
/// its signature is spelled), then routed by Zoom user to the clinics that
/// connected that user: the platform endpoint serves every clinic; <c>/c/{clinic}/zoom/webhooks</c> serves one
/// (needed for a clinic's own Zoom app, whose secret differs).
/// </summary>
public sealed class ZoomWebhookReceiver(
    Database database,
    TenantContext tenantContext,
    TenantScopeFactory tenantScopes,
    ZoomApps apps,
    ZoomSettingsStore settings,
    IJobQueue jobs,
    TimeProvider clock,
    ILogger<ZoomWebhookReceiver> logger)
{
    private const int MaxBodyBytes = 64 * 1024;

    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var signer = new ZoomWebhookSigner(await SecretAsync(cancellationToken));
        var verification = signer.Verify(request.Headers[ZoomWebhookSigner.TimestampHeader], request.Headers[ZoomWebhookSigner.SignatureHeader], body,
            clock.GetUtcNow(), out var verifiedSignature);
        if (verification != ZoomWebhookVerification.Valid)
        {
            logger.LogWarning("Refused a Zoom webhook: {Verification}", verification);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: $"Webhook refused: {verification}.");
        }

        using var json = ParseEnvelope(body, out var eventName, out var payload, out var malformed);
        if (json is null)
        {
            logger.LogWarning("Refused a signed Zoom webhook: {Problem}", malformed);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Webhook refused: {malformed}");
        }

        // Remembered in the spelling that was verified, not the header's: a replay in other letter case is still a replay.
        if (!await RecordReceiptAsync(verifiedSignature!, cancellationToken))
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Webhook refused: this delivery was already received.");
        }

        switch (eventName)
        {
            case "endpoint.url_validation":
                if (Text(payload, "plainToken", stringsOnly: true) is not { } plainToken)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                        title: "Webhook refused: endpoint.url_validation needs a JSON object payload with a string plainToken.");
                }

                return Results.Json(new { plainToken, encryptedToken = signer.EncryptToken(plainToken) });
            case "app_deauthorized" when Text(payload, "user_id") is { } userId:
                await ForEachClinicAsync(userId, services => services.GetRequiredService<ConnectionFlow>()
                    .ForgetAccountAsync(services.GetRequiredService<ZoomConnector>(), userId, cancellationToken));
                if (Text(payload, "user_data_retention") == "false")
                {
                    // Its tokens are gone; Zoom wants to be told so, which may need retrying: a job.
                    await jobs.EnqueueAsync(ReportDataComplianceJob.Request(tenantContext.Required.Id, payload), cancellationToken: cancellationToken);
                }
                break;
            case "meeting.started" or "meeting.ended" when MeetingOf(payload) is (var hostId, var meetingId):
                var status = eventName == "meeting.started" ? "started" : "ended";
                await ForEachClinicAsync(hostId, services => services.GetRequiredService<MeetingLiveStatus>()
                    .RecordAsync(ZoomStartup.ProviderId, meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture), status, cancellationToken));
                break;
            case "meeting.deleted" when MeetingOf(payload) is (var hostId, var meetingId):
                // Ours to replace if its appointment is still on; one we deleted ourselves (a cancellation) is ignored.
                var deletedAt = clock.GetUtcNow();
                await ForEachClinicAsync(hostId, services => services.GetRequiredService<MeetingPlanner>()
                    .MeetingDeletedAtProviderAsync(ZoomStartup.ProviderId, meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture), deletedAt, cancellationToken));
                break;
        }

        return Results.Ok();
    }

    /// <summary>The envelope <c>{"event": "...", "payload": {...}}</c>, or null with what is wrong with the body.</summary>
    private static JsonDocument? ParseEnvelope(byte[] body, out string? eventName, out JsonElement payload, out string? problem)
    {
        eventName = null;
        payload = default;
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            problem = "the body is not valid JSON.";
            return null;
        }

        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.String)
        {
            json.Dispose();
            problem = "the body must be a JSON object with a string \"event\".";
            return null;
        }

        eventName = e.GetString();
        payload = root.TryGetProperty("payload", out var p) ? p : default;
        problem = null;
        return json;
    }

    /// <summary>The Zoom user and meeting id of a meeting event (<c>object.id</c> is a string in some events, a number in others).</summary>
    private static (string HostId, long MeetingId)? MeetingOf(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("object", out var meeting)
        && Text(meeting, "host_id") is { } hostId && long.TryParse(Text(meeting, "id"), out var meetingId)
            ? (hostId, meetingId)
            : null;

    private async Task<string> SecretAsync(CancellationToken cancellationToken)
    {
        var app = tenantContext.Required.IsPlatform ? apps.Platform : apps.ForClinic(await settings.GetAsync(cancellationToken));
        return app.WebhookSecret is { Length: > 0 } secret ? secret : apps.Platform.WebhookSecret;
    }

    /// <summary>Runs work in each clinic that connected this Zoom user (only the current one on a clinic's endpoint).</summary>
    private async Task ForEachClinicAsync(string zoomUserId, Func<IServiceProvider, Task> work)
    {
        var tenantIds = new List<Guid>();
        if (tenantContext.Required.IsPlatform)
        {
            await using var connection = await database.App.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("SELECT tenant_id FROM zoom_user_links WHERE zoom_user_id = @user", connection);
            command.Parameters.AddWithValue("user", zoomUserId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tenantIds.Add(reader.GetGuid(0));
            }
        }
        else
        {
            tenantIds.Add(tenantContext.Required.Id);
        }

        foreach (var tenantId in tenantIds)
        {
            await tenantScopes.RunAsync(tenantId, async services => { await work(services); return true; });
        }
    }

    /// <summary>Remembers each signature for a day; false when it was seen before (a replay).</summary>
    private async Task<bool> RecordReceiptAsync(string signature, CancellationToken cancellationToken)
    {
        await using var connection = await database.App.OpenConnectionAsync(cancellationToken);
        await using (var prune = new NpgsqlCommand("DELETE FROM zoom_webhook_receipts WHERE received_at < now() - interval '1 day'", connection))
        {
            await prune.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = new NpgsqlCommand(
            "INSERT INTO zoom_webhook_receipts (signature) VALUES (@signature) ON CONFLICT DO NOTHING RETURNING 1", connection);
        insert.Parameters.AddWithValue("signature", signature);
        return await insert.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static string? Text(JsonElement element, string name, bool stringsOnly = false) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : stringsOnly ? null : value.ToString()
            : null;

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
