using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Telemed.Zoom.IntegrationTests.Infrastructure;

/// <summary>What happens to a meeting at Zoom without the product asking: deleted by the host, with or without Zoom telling us.</summary>
public static class ZoomAtTheProvider
{
    /// <summary>The host deletes the meeting in Zoom's web portal; Zoom sends <c>meeting.deleted</c>. Returns the delivery.</summary>
    public static async Task<JsonElement> DeleteInPortalAsync(this SandboxControl sandbox, long meetingId) =>
        (await sandbox.PostAsync($"zoom/meetings/{meetingId}/delete")).GetProperty("webhook");

    /// <summary>Another app with the host's grant deletes the meeting through Zoom's API (Zoom sends <c>meeting.deleted</c> for this too).</summary>
    public static async Task DeleteThroughApiAsync(this SandboxControl sandbox, string zoomUser, long meetingId)
    {
        var token = (await sandbox.AccountAsync(zoomUser)).GetProperty("issued_tokens").EnumerateArray()
            .Last(t => t.GetProperty("kind").GetString() == "access" && t.GetProperty("status").GetString() == "active")
            .GetProperty("token").GetString();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"{sandbox.ZoomRoot}/v2/meetings/{meetingId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>The meeting is deleted at Zoom and its webhook never reaches the product (lost, or the endpoint was down).</summary>
    public static async Task DeleteUnannouncedAsync(this SandboxControl sandbox, string zoomUser, long meetingId)
    {
        var endpoint = (await sandbox.GetAsync("zoom/webhooks/endpoint")).GetProperty("url").GetString();
        await sandbox.SendAsync(HttpMethod.Put, "zoom/webhooks/endpoint", new { Url = (string?)null });
        try
        {
            await sandbox.DeleteThroughApiAsync(zoomUser, meetingId);
        }
        finally
        {
            await sandbox.SendAsync(HttpMethod.Put, "zoom/webhooks/endpoint", new { Url = endpoint });
        }
    }

    /// <summary>Waits until the sandbox delivered (2xx) its <c>meeting.deleted</c> webhook for the meeting.</summary>
    public static async Task<JsonElement> DeliveredDeletionAsync(this SandboxControl sandbox, long meetingId)
    {
        JsonElement? found = null;
        await Eventually.TrueAsync(async () =>
        {
            found = (await sandbox.GetAsync("zoom/webhooks/deliveries?event=meeting.deleted")).EnumerateArray()
                .Where(d => d.GetProperty("delivered").GetBoolean())
                .Cast<JsonElement?>()
                .FirstOrDefault(d => JsonDocument.Parse(d!.Value.GetProperty("body").GetString()!).RootElement
                    .GetProperty("payload").GetProperty("object").GetProperty("id").ToString() == meetingId.ToString());
            return found is not null;
        }, TimeSpan.FromSeconds(20), () => $"no delivered meeting.deleted for {meetingId}");
        return found!.Value;
    }
}
