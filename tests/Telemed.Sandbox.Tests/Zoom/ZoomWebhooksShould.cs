using System.Net;
using System.Text.Json;
using Telemed.Sandbox.Tests.Infrastructure;
using Telemed.Sandbox.Zoom.Webhooks;

namespace Telemed.Sandbox.Tests.Zoom;

/// <summary>The sandbox sending Zoom webhooks to a stand-in product endpoint, with retries shortened to milliseconds.</summary>
public sealed class ZoomWebhooksShould : IAsyncLifetime
{
    private SandboxServer _server = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _server = await SandboxServer.StartAsync(options =>
        {
            options.Zoom.WebhookEndpointUrl = _receiver.Url;
            options.Zoom.WebhookRetryDelays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(150)];
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task ValidateAnEndpointThatAnswersWithTheSecretToken()
    {
        var result = await _server.PostControlAsync("zoom/webhooks/validate");

        Assert.True(result.GetProperty("validated").GetBoolean(), result.ToString());
        var challenge = await _receiver.WaitForAsync(ZoomWebhookEvents.UrlValidationEvent);
        Assert.Equal(ZoomWebhookVerification.Valid, challenge.Verification);
        Assert.Equal(result.GetProperty("plain_token").GetString(), challenge.Payload.GetProperty("plainToken").GetString());
    }

    [Fact]
    public async Task RefuseAnEndpointThatAnswersWithAnotherSecret()
    {
        await using var impostor = await WebhookReceiver.StartAsync("not-the-secret-token");
        await _server.PostControlAsync("zoom/webhooks/endpoint", new { Url = impostor.Url }, HttpMethod.Put);

        var result = await _server.PostControlAsync("zoom/webhooks/validate");

        Assert.False(result.GetProperty("validated").GetBoolean());
        Assert.Contains("encryptedToken", result.GetProperty("reason").GetString());
        await _server.PostControlAsync("zoom/webhooks/endpoint", new { Url = _receiver.Url }, HttpMethod.Put);
    }

    [Fact]
    public async Task SendASignedAppDeauthorizedAndRevokeTheUsersTokens()
    {
        var user = TestJson.NewUser();
        var tokens = await _server.Zoom.ConnectAsync(user);
        var account = await _server.GetControlAsync($"zoom/accounts/{user}");

        var delivery = await _server.PostControlAsync($"zoom/webhooks/deauthorize?user={user}");
        using var call = await _server.Zoom.SendAsync(HttpMethod.Get, "users/me", tokens.AccessToken);

        Assert.True(delivery.GetProperty("delivered").GetBoolean());
        var webhook = await _receiver.WaitForAsync(ZoomWebhookEvents.AppDeauthorizedEvent);
        Assert.Equal(ZoomWebhookVerification.Valid, webhook.Verification);
        Assert.Equal(account.GetProperty("id").GetString(), webhook.Payload.GetProperty("user_id").GetString());
        Assert.Equal(account.GetProperty("account_id").GetString(), webhook.Payload.GetProperty("account_id").GetString());
        Assert.Equal(ZoomApi.ClientId, webhook.Payload.GetProperty("client_id").GetString());
        Assert.Equal("false", webhook.Payload.GetProperty("user_data_retention").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", webhook.Payload.GetProperty("deauthorization_time").GetString()!);
        Assert.Equal(HttpStatusCode.Unauthorized, call.StatusCode);
    }

    [Fact]
    public async Task RecordTheDataComplianceCallThatFollowsADeauthorization()
    {
        var user = TestJson.NewUser();
        await _server.Zoom.ConnectAsync(user);
        await _server.PostControlAsync($"zoom/webhooks/deauthorize?user={user}");
        var payload = (await _receiver.WaitForAsync(ZoomWebhookEvents.AppDeauthorizedEvent)).Payload;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Zoom.Base, "oauth/data/compliance"))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                client_id = ZoomApi.ClientId,
                user_id = payload.GetProperty("user_id").GetString(),
                account_id = payload.GetProperty("account_id").GetString(),
                deauthorization_event_received = payload,
                compliance_completed = true,
            }),
        };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{ZoomApi.ClientId}:{ZoomApi.ClientSecret}")));

        using var response = await _server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var calls = await _server.GetControlAsync("zoom/compliance");
        Assert.Contains(calls.EnumerateArray(), c => c.GetProperty("body").GetProperty("user_id").GetString() == payload.GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task SendAppDeauthorizedAfterTheProductRevokes()
    {
        var user = TestJson.NewUser();
        var tokens = await _server.Zoom.ConnectAsync(user);
        var userId = (await _server.GetControlAsync($"zoom/accounts/{user}")).GetProperty("id").GetString();

        using var revoke = await _server.Zoom.RevokeAsync(tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var webhook = await WaitForAsync(w => w.Event == ZoomWebhookEvents.AppDeauthorizedEvent && w.Payload.GetProperty("user_id").GetString() == userId);
        Assert.Equal(ZoomWebhookVerification.Valid, webhook.Verification);
    }

    [Fact]
    public async Task SendMeetingStartedAndEndedWithTheIdAsAString()
    {
        var tokens = await _server.Zoom.ConnectAsync(TestJson.NewUser());
        var meeting = await _server.Zoom.CreateMeetingAsync(tokens.AccessToken);
        var id = meeting.GetProperty("id").GetInt64().ToString();

        await _server.PostControlAsync($"zoom/webhooks/meeting-started?meeting_id={id}");
        using var end = await _server.Zoom.SendAsync(HttpMethod.Put, $"meetings/{id}/status", tokens.AccessToken, new { Action = "end" });

        var started = await WaitForAsync(w => w.Event == ZoomWebhookEvents.MeetingStartedEvent && ObjectId(w) == id);
        var ended = await WaitForAsync(w => w.Event == ZoomWebhookEvents.MeetingEndedEvent && ObjectId(w) == id);
        Assert.Equal(ZoomWebhookVerification.Valid, started.Verification);
        Assert.Equal(JsonValueKind.String, started.Payload.GetProperty("object").GetProperty("id").ValueKind);
        Assert.Equal(meeting.GetProperty("host_id").GetString(), started.Payload.GetProperty("object").GetProperty("host_id").GetString());
        // Each run of a meeting gets its own uuid.
        Assert.NotEqual(meeting.GetProperty("uuid").GetString(), started.Payload.GetProperty("object").GetProperty("uuid").GetString());
        Assert.True(ended.Payload.GetProperty("object").TryGetProperty("end_time", out _));
        Assert.Equal(HttpStatusCode.NoContent, end.StatusCode);
    }

    [Fact]
    public async Task SendMeetingDeletedWhenTheApiDeletesAMeeting()
    {
        var user = TestJson.NewUser();
        var tokens = await _server.Zoom.ConnectAsync(user);
        var meeting = await _server.Zoom.CreateMeetingAsync(tokens.AccessToken);
        var id = meeting.GetProperty("id").GetInt64();

        using var delete = await _server.Zoom.SendAsync(HttpMethod.Delete, $"meetings/{id}?schedule_for_reminder=false", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var deleted = await WaitForAsync(w => w.Event == ZoomWebhookEvents.MeetingDeletedEvent && DeletedId(w) == id);
        Assert.Equal(ZoomWebhookVerification.Valid, deleted.Verification);
        var payload = deleted.Payload;
        Assert.Equal(user, payload.GetProperty("operator").GetString());
        Assert.Equal(meeting.GetProperty("host_id").GetString(), payload.GetProperty("operator_id").GetString());
        Assert.Equal("single", payload.GetProperty("operation").GetString());
        var obj = payload.GetProperty("object");
        Assert.Equal(JsonValueKind.Number, obj.GetProperty("id").ValueKind);
        Assert.Equal(meeting.GetProperty("uuid").GetString(), obj.GetProperty("uuid").GetString());
        Assert.Equal(meeting.GetProperty("host_id").GetString(), obj.GetProperty("host_id").GetString());
        Assert.Equal(meeting.GetProperty("topic").GetString(), obj.GetProperty("topic").GetString());
        Assert.Equal(meeting.GetProperty("start_time").GetString(), obj.GetProperty("start_time").GetString());
        Assert.Equal(2, obj.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task SendMeetingDeletedWhenTheHostDeletesAMeetingInTheWebPortal()
    {
        var tokens = await _server.Zoom.ConnectAsync(TestJson.NewUser());
        var meeting = await _server.Zoom.CreateMeetingAsync(tokens.AccessToken);
        var id = meeting.GetProperty("id").GetInt64();

        var result = await _server.PostControlAsync($"zoom/meetings/{id}/delete");
        using var get = await _server.Zoom.SendAsync(HttpMethod.Get, $"meetings/{id}", tokens.AccessToken);

        Assert.True(result.GetProperty("webhook").GetProperty("delivered").GetBoolean(), result.ToString());
        var deleted = await WaitForAsync(w => w.Event == ZoomWebhookEvents.MeetingDeletedEvent && DeletedId(w) == id);
        Assert.Equal(ZoomWebhookVerification.Valid, deleted.Verification);
        Assert.Equal(meeting.GetProperty("host_email").GetString(), deleted.Payload.GetProperty("operator").GetString());
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(3001, (await get.ReadJsonAsync()).GetProperty("code").GetInt32());
        using var again = await _server.Http.PostAsync(new Uri(_server.ControlBase, $"zoom/meetings/{id}/delete"), null);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task RefuseToDeleteAMeetingInProgressInTheWebPortal()
    {
        var tokens = await _server.Zoom.ConnectAsync(TestJson.NewUser());
        var id = (await _server.Zoom.CreateMeetingAsync(tokens.AccessToken)).GetProperty("id").GetInt64();
        await _server.PostControlAsync($"zoom/meetings/{id}/start");

        using var delete = await _server.Http.PostAsync(new Uri(_server.ControlBase, $"zoom/meetings/{id}/delete"), null);

        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        using var get = await _server.Zoom.SendAsync(HttpMethod.Get, $"meetings/{id}", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task RetryUntilTheEndpointAcknowledges()
    {
        var user = TestJson.NewUser();
        await _server.Zoom.ConnectAsync(user);
        _receiver.FailNext(2);

        var first = await _server.PostControlAsync($"zoom/webhooks/deauthorize?user={user}");

        Assert.False(first.GetProperty("delivered").GetBoolean());
        var delivery = await WaitForDeliveryAsync(first.GetProperty("id").GetString()!, d => d.GetProperty("delivered").GetBoolean());
        var statuses = delivery.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("status_code").GetInt32()).ToList();
        Assert.Equal([500, 500, 200], statuses);
    }

    [Fact]
    public async Task GiveUpAfterThreeRetries()
    {
        var user = TestJson.NewUser();
        await _server.Zoom.ConnectAsync(user);
        _receiver.FailNext(10, 503);

        var first = await _server.PostControlAsync($"zoom/webhooks/deauthorize?user={user}");

        var delivery = await WaitForDeliveryAsync(first.GetProperty("id").GetString()!, d => d.GetProperty("pending_retries").GetInt32() == 0);
        Assert.False(delivery.GetProperty("delivered").GetBoolean());
        Assert.Equal(4, delivery.GetProperty("attempts").GetArrayLength());
    }

    private static long? DeletedId(ReceivedWebhook webhook) =>
        webhook.Payload.TryGetProperty("object", out var obj) && obj.GetProperty("id").TryGetInt64(out var id) ? id : null;

    private static string? ObjectId(ReceivedWebhook webhook) =>
        webhook.Payload.TryGetProperty("object", out var obj) ? obj.GetProperty("id").GetString() : null;

    private async Task<ReceivedWebhook> WaitForAsync(Func<ReceivedWebhook, bool> match)
    {
        for (var i = 0; i < 250; i++)
        {
            if (_receiver.Received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The expected webhook never arrived.");
    }

    private async Task<JsonElement> WaitForDeliveryAsync(string id, Func<JsonElement, bool> done)
    {
        for (var i = 0; i < 250; i++)
        {
            var deliveries = await _server.GetControlAsync("zoom/webhooks/deliveries");
            var delivery = deliveries.EnumerateArray().Single(d => d.GetProperty("id").GetString() == id);
            if (done(delivery))
            {
                return delivery;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Delivery {id} did not settle.");
    }
}
