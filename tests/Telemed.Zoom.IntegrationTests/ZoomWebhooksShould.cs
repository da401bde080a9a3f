using System.Text.Json;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Telemed.Sandbox.Zoom.Webhooks;
using Telemed.Zoom.IntegrationTests.Infrastructure;
using static Telemed.Zoom.IntegrationTests.Infrastructure.ZoomClinics;

namespace Telemed.Zoom.IntegrationTests;

/// <summary>Zoom's signed webhooks, sent by the sandbox to the product's platform endpoint, and forged ones.</summary>
public sealed class ZoomWebhooksShould(ZoomHostFixture fixture) : IClassFixture<ZoomHostFixture>
{
    private const string SecretToken = "sandboxWebhookSecret789";
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task DeleteTheTokensWhenZoomSendsASignedDeauthorization()
    {
        var clinic = await CreateAsync(Host);

        var delivery = await fixture.Sandbox.PostAsync($"zoom/webhooks/deauthorize?user={clinic.ZoomUser}");

        Assert.Equal(200, delivery.GetProperty("attempts")[0].GetProperty("status_code").GetInt32());
        Assert.Equal(0, await InClinicAsync(Host, clinic, db => db.Connections.CountAsync()));
        Assert.Contains("Connect Zoom", (await clinic.HostClient.GetPageAsync($"{clinic.PathBase}/zoom/connection")).Body!.TextContent);
    }

    [Fact]
    public async Task ReportDataComplianceToZoomAfterForgettingADeauthorizedUser()
    {
        var clinic = await CreateAsync(Host);
        var zoomUserId = (await fixture.Sandbox.AccountAsync(clinic.ZoomUser)).GetProperty("id").GetString();

        await fixture.Sandbox.PostAsync($"zoom/webhooks/deauthorize?user={clinic.ZoomUser}&user_data_retention=false");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonElement? report = null;
        while (report is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            report = (await fixture.Sandbox.GetAsync("zoom/compliance")).EnumerateArray()
                .Select(call => call.GetProperty("body"))
                .Cast<JsonElement?>()
                .FirstOrDefault(body => body!.Value.GetProperty("user_id").GetString() == zoomUserId);
        }
        Assert.NotNull(report);
        Assert.True(report.Value.GetProperty("compliance_completed").GetBoolean());
        Assert.Equal(zoomUserId, report.Value.GetProperty("deauthorization_event_received").GetProperty("user_id").GetString());
        Assert.Equal("false", report.Value.GetProperty("deauthorization_event_received").GetProperty("user_data_retention").GetString());
        Assert.Equal(0, await InClinicAsync(Host, clinic, db => db.Connections.CountAsync()));
    }

    [Fact]
    public async Task AnswerZoomsUrlValidationChallenge()
    {
        var result = await fixture.Sandbox.PostAsync("zoom/webhooks/validate");

        Assert.True(result.GetProperty("validated").GetBoolean(), result.ToString());
    }

    [Fact]
    public async Task RecordWhenAMeetingStartsAndEnds()
    {
        var clinic = await CreateAsync(Host);
        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddHours(1));
        await PublishAsync(Host, clinic, booked);
        var meeting = await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");

        await fixture.Sandbox.PostAsync($"zoom/webhooks/meeting-started?meeting_id={meeting.ZoomId()}");
        Assert.Equal("started", (await MeetingAsync(Host, clinic, booked.SlotKey))!.LiveStatus);
        await fixture.Sandbox.PostAsync($"zoom/webhooks/meeting-ended?meeting_id={meeting.ZoomId()}");
        Assert.Equal("ended", (await MeetingAsync(Host, clinic, booked.SlotKey))!.LiveStatus);
    }

    [Theory]
    [InlineData("bad signature")]
    [InlineData("stale timestamp")]
    [InlineData("no headers")]
    public async Task RefuseADeauthorizationThatIsForgedOrStale(string flaw)
    {
        var clinic = await CreateAsync(Host);
        var zoomUserId = (await fixture.Sandbox.AccountAsync(clinic.ZoomUser)).GetProperty("id").GetString();
        var body = $$$"""{"event":"app_deauthorized","event_ts":1,"payload":{"account_id":"a","user_id":"{{{zoomUserId}}}","user_data_retention":"false"}}""";
        var timestamp = DateTimeOffset.UtcNow.AddMinutes(flaw == "stale timestamp" ? -10 : 0).ToUnixTimeSeconds();
        var signer = new ZoomWebhookSigner(flaw == "bad signature" ? "not-the-secret" : SecretToken);

        var response = await PostWebhookAsync(body, flaw == "no headers" ? null : timestamp, signer.Sign(timestamp, body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, await InClinicAsync(Host, clinic, db => db.Connections.CountAsync()));
    }

    [Fact]
    public async Task RefuseAnExactReplayOfASignedDelivery()
    {
        var body = """{"event":"meeting.ended","event_ts":2,"payload":{"account_id":"a","object":{"id":"1","host_id":"nobody"}}}""";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = new ZoomWebhookSigner(SecretToken).Sign(timestamp, body);

        var first = await PostWebhookAsync(body, timestamp, signature);
        var replay = await PostWebhookAsync(body, timestamp, signature);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
    }

    [Theory]
    [InlineData("upper-case hex")]
    [InlineData("upper-case prefix and hex")]
    [InlineData("timestamp with a leading zero")]
    public async Task RefuseAReplayWrittenDifferentlyAndNotProcessItTwice(string variant)
    {
        var clinic = await CreateAsync(Host);
        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddHours(1));
        await PublishAsync(Host, clinic, booked);
        var meeting = await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");
        var zoomUserId = (await fixture.Sandbox.AccountAsync(clinic.ZoomUser)).GetProperty("id").GetString();
        var started = MeetingEvent("meeting.started", meeting.ZoomId()!.Value, zoomUserId!);
        var ended = MeetingEvent("meeting.ended", meeting.ZoomId()!.Value, zoomUserId!);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signer = new ZoomWebhookSigner(SecretToken);
        var signature = signer.Sign(timestamp, started);

        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(started, timestamp, signature)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(ended, timestamp, signer.Sign(timestamp, ended))).StatusCode);
        var replay = variant switch
        {
            "upper-case hex" => await PostWebhookAsync(started, timestamp, "v0=" + signature[3..].ToUpperInvariant()),
            "upper-case prefix and hex" => await PostWebhookAsync(started, timestamp, signature.ToUpperInvariant()),
            _ => await PostWebhookAsync(started, "0" + timestamp, signature),
        };

        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal("ended", (await MeetingAsync(Host, clinic, booked.SlotKey))!.LiveStatus);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"x\"")]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("{\"event\":")]
    [InlineData("not json")]
    [InlineData("{\"payload\":{}}")]
    [InlineData("{\"event\":1,\"payload\":{}}")]
    [InlineData("{\"event\":\"endpoint.url_validation\"}")]
    [InlineData("{\"event\":\"endpoint.url_validation\",\"payload\":{\"plainToken\":5}}")]
    [InlineData("{\"event\":\"endpoint.url_validation\",\"payload\":[]}")]
    public async Task AnswerBadRequestToASignedBodyThatIsNotAZoomEvent(string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var response = await PostWebhookAsync(body, timestamp, new ZoomWebhookSigner(SecretToken).Sign(timestamp, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("letters for a timestamp")]
    [InlineData("empty signature")]
    [InlineData("signature without v0")]
    [InlineData("signature that is not hex")]
    [InlineData("timestamp ten minutes ahead")]
    [InlineData("timestamp beyond the calendar")]
    [InlineData("timestamp only")]
    public async Task RefuseAGarbledOrStaleDeliveryWithA4xx(string flaw)
    {
        const string body = """{"event":"meeting.ended","event_ts":3,"payload":{"account_id":"a","object":{"id":"1","host_id":"nobody"}}}""";
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signer = new ZoomWebhookSigner(SecretToken);
        var (timestamp, signature) = flaw switch
        {
            "letters for a timestamp" => ("abc", signer.Sign(now, body)),
            "empty signature" => (now.ToString(), ""),
            "signature without v0" => (now.ToString(), signer.Sign(now, body)[3..]),
            "signature that is not hex" => (now.ToString(), "v0=" + new string('z', 64)),
            "timestamp ten minutes ahead" => ((now + 600).ToString(), signer.Sign(now + 600, body)),
            "timestamp beyond the calendar" => (long.MaxValue.ToString(), signer.Sign(long.MaxValue, body)),
            _ => (now.ToString(), (string?)null),
        };

        var response = await PostWebhookAsync(body, timestamp, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string MeetingEvent(string name, long meetingId, string hostId) => JsonSerializer.Serialize(new
    {
        @event = name,
        event_ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        payload = new { account_id = "a", @object = new { id = meetingId.ToString(), uuid = "u", host_id = hostId } },
    });

    /// <summary>Without a timestamp, sends neither header.</summary>
    private Task<HttpResponseMessage> PostWebhookAsync(string body, long? timestamp, string signature) =>
        PostWebhookAsync(body, timestamp?.ToString(), timestamp is null ? null : signature);

    private async Task<HttpResponseMessage> PostWebhookAsync(string body, string? timestamp, string? signature)
    {
        using var client = Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/zoom/webhooks") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation(ZoomWebhookSigner.TimestampHeader, timestamp);
        }

        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(ZoomWebhookSigner.SignatureHeader, signature);
        }

        return await client.SendAsync(request);
    }
}
