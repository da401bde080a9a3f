using System.Net;
using System.Text.Json;
using Npgsql;

namespace Telemed.Api.IntegrationTests;

/// <summary>Events reach a clinic's endpoints signed, retried with the same id, only where subscribed, and endpoints that keep failing are turned off.</summary>
public sealed class WebhookDeliveryShould(WebhookHostFixture fixture) : IClassFixture<WebhookHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task DeliverABookingSignedSoTheReceiverCanVerifyIt()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var admin = await AdminWebhooks.SignInAsync(Host, clinic);
        await using var receiver = await WebhookReceiver.StartAsync(200);
        var id = await admin.CreateAsync(receiver.Url(), "appointment.booked");
        var secret = await admin.SecretAsync(id);

        var appointment = await Bookings.BookAsync(Host, clinic, "Grace Hopper");

        var request = Assert.Single(await receiver.WaitForAsync(1, "appointment.booked"));
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.Equal("TelemedSaaS-Webhooks/1", request.Header("User-Agent"));
        Assert.True(WebhookReceiver.Verify(secret, request), "The signature does not verify.");
        Assert.False(WebhookReceiver.Verify(secret, request.Header("Telemed-Webhook-Timestamp"), request.Body.Replace("Grace Hopper", "Grace Hacker"), request.Header("Telemed-Webhook-Signature")));
        Assert.False(WebhookReceiver.Verify(secret, (long.Parse(request.Header("Telemed-Webhook-Timestamp")) + 1).ToString(), request.Body, request.Header("Telemed-Webhook-Signature")));
        Assert.False(WebhookReceiver.Verify("whsec_" + new string('A', 43), request));
        Assert.InRange(long.Parse(request.Header("Telemed-Webhook-Timestamp")), DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("appointment.booked", root.GetProperty("type").GetString());
        Assert.Equal(request.Header("Telemed-Webhook-Id"), root.GetProperty("id").GetString());
        Assert.StartsWith("evt_", root.GetProperty("id").GetString());
        Assert.True(root.TryGetProperty("created", out _));
        var data = root.GetProperty("data");
        Assert.Equal(appointment, data.GetProperty("id").GetGuid());
        Assert.Equal("Grace Hopper", data.GetProperty("patient").GetProperty("name").GetString());
        Assert.Equal(clinic.ServiceName, data.GetProperty("service").GetProperty("name").GetString());
        Assert.DoesNotContain("start_url", request.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("startUrl", request.Body, StringComparison.OrdinalIgnoreCase);

        var log = await Waiting.ForAsync(async () => Html.Parse(await admin.Client.GetStringAsync(admin.PageUrl(id))),
            page => page.QuerySelector("tr[data-status=delivered]") is not null, page => page.QuerySelector("[data-testid=deliveries]")?.TextContent ?? "", "the delivered row");
        var row = log.QuerySelector("tr[data-status=delivered]")!;
        Assert.Contains("appointment.booked", row.TextContent);
        Assert.Contains("200", row.TextContent);
    }

    [Fact]
    public async Task KeepTheEventIdWhenItRetries()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var admin = await AdminWebhooks.SignInAsync(Host, clinic);
        await using var receiver = await WebhookReceiver.StartAsync(500, 200);
        var id = await admin.CreateAsync(receiver.Url(), "appointment.booked");
        var secret = await admin.SecretAsync(id);

        await Bookings.BookAsync(Host, clinic, "Alan Turing");

        var requests = await receiver.WaitForAsync(2, "the retry");
        Assert.Equal(requests[0].Header("Telemed-Webhook-Id"), requests[1].Header("Telemed-Webhook-Id"));
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.NotEqual(requests[0].Header("Telemed-Webhook-Timestamp"), requests[1].Header("Telemed-Webhook-Timestamp"));
        Assert.All(requests, r => Assert.True(WebhookReceiver.Verify(secret, r), "A signature does not verify."));

        var deliveryId = await Waiting.ForAsync(() => DeliveryAsync(clinic, id), d => d.Status == "delivered", d => d.Status, "the delivery to be marked delivered");
        var detail = Html.Parse(await admin.Client.GetStringAsync(admin.DeliveryUrl(id, deliveryId.Id)));
        var attempts = detail.QuerySelectorAll("[data-testid=attempt-status]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["500", "200"], attempts);
        Assert.All(detail.QuerySelectorAll("[data-testid=request-headers]"), h => Assert.Contains(requests[0].Header("Telemed-Webhook-Id"), h.TextContent));
        Assert.Contains("receiver failed with 500", detail.QuerySelector("[data-testid=response-body]")!.TextContent);
    }

    [Fact]
    public async Task SendOnlyTheEventsAnEndpointChoseAndOnlyForItsOwnClinic()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var other = await ApiClinic.CreateAsync(Host);
        var admin = await AdminWebhooks.SignInAsync(Host, clinic);
        var otherAdmin = await AdminWebhooks.SignInAsync(Host, other);
        await using var booked = await WebhookReceiver.StartAsync(200);
        await using var cancelledOnly = await WebhookReceiver.StartAsync(200);
        await using var othersReceiver = await WebhookReceiver.StartAsync(200);
        var bookedId = await admin.CreateAsync(booked.Url(), "appointment.booked");
        await admin.CreateAsync(cancelledOnly.Url(), "appointment.cancelled");
        await otherAdmin.CreateAsync(othersReceiver.Url(), "appointment.booked", "appointment.cancelled");

        await Bookings.BookAsync(Host, clinic, "Ada Lovelace");

        await booked.WaitForAsync(1, "the booking at the subscribed endpoint");
        var delivery = await Waiting.ForAsync(() => DeliveryAsync(clinic, bookedId), d => d.Status == "delivered", d => d.Status, "the delivery to be logged");
        // Both events were handled by the same job as the one delivered: nothing else is on its way.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(cancelledOnly.Received);
        Assert.Empty(othersReceiver.Received);

        // The other clinic's admin cannot see or act on this clinic's endpoint or its deliveries.
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.Client.GetAsync(otherAdmin.PageUrl(bookedId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.Client.GetAsync(otherAdmin.DeliveryUrl(bookedId, delivery.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.Client.GetAsync($"{otherAdmin.PageUrl(bookedId)}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostWithTokenAsync($"{otherAdmin.DeliveryUrl(bookedId, delivery.Id)}?handler=Resend")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostWithTokenAsync($"{otherAdmin.PageUrl(bookedId)}?handler=Delete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostWithTokenAsync($"{otherAdmin.PageUrl(bookedId)}?handler=Secret")).StatusCode);
        Assert.Equal("delivered", (await DeliveryAsync(clinic, bookedId)).Status);
        Assert.Single(booked.Received);
    }

    [Fact]
    public async Task ResendTheSameEventWithAFreshSignature()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var admin = await AdminWebhooks.SignInAsync(Host, clinic);
        await using var receiver = await WebhookReceiver.StartAsync(200);
        var id = await admin.CreateAsync(receiver.Url(), "appointment.cancelled");
        var secret = await admin.SecretAsync(id);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PressAsync(admin.PageUrl(id), "Test")).StatusCode);
        var first = Assert.Single(await receiver.WaitForAsync(1, "the test event"));
        Assert.Contains("\"type\":\"webhook.test\"", first.Body);
        var delivery = await Waiting.ForAsync(() => DeliveryAsync(clinic, id), d => d.Status == "delivered", d => d.Status, "the test delivery");

        var resend = await admin.PressAsync(admin.DeliveryUrl(id, delivery.Id), "Resend");

        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        var requests = await receiver.WaitForAsync(2, "the resent event");
        Assert.Equal(first.Header("Telemed-Webhook-Id"), requests[1].Header("Telemed-Webhook-Id"));
        Assert.Equal(first.Body, requests[1].Body);
        Assert.True(WebhookReceiver.Verify(secret, requests[1]));
        var log = Html.Parse(await admin.Client.GetStringAsync(admin.PageUrl(id)));
        Assert.Equal(2, log.QuerySelectorAll("tr[data-delivery-id]").Length);
    }

    [Fact]
    public async Task TurnAnEndpointOffWhenDeliveriesKeepFailingAndTellTheAdmins()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var admin = await AdminWebhooks.SignInAsync(Host, clinic);
        await using var receiver = await WebhookReceiver.StartAsync(503);
        var id = await admin.CreateAsync(receiver.Url("/broken"), "appointment.booked");

        for (var i = 0; i < WebhookHostFixture.DisableAfterFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PressAsync(admin.PageUrl(id), "Test")).StatusCode);
        }

        await Waiting.ForAsync(() => SubscriptionAsync(clinic, id), s => !s.Enabled, s => $"enabled {s.Enabled}, failures {s.Failures}", "the endpoint to be turned off");
        Assert.Equal(WebhookHostFixture.DisableAfterFailures * WebhookHostFixture.MaxAttempts, receiver.Received.Count);
        var subscription = await SubscriptionAsync(clinic, id);
        Assert.Contains("failed", subscription.Reason);
        var home = Html.Parse(await admin.Client.GetStringAsync($"{clinic.PathBase}/admin"));
        Assert.Contains(home.QuerySelectorAll("[data-testid=admin-alert]"), a => a.TextContent.Contains(receiver.Url("/broken")));
        var mail = await Waiting.ForAsync(() => MessagesToAsync(clinic, ApiClinic.AdminEmail), m => m.Count > 0, m => $"{m.Count}", "the e-mail to the admin");
        Assert.Contains(mail, m => m.Contains(receiver.Url("/broken")));
        Assert.Empty(await MessagesToAsync(clinic, ApiClinic.DoctorEmail));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PressAsync(admin.PageUrl(id), "Enable")).StatusCode);

        var again = await SubscriptionAsync(clinic, id);
        Assert.True(again.Enabled);
        Assert.Equal(0, again.Failures);
        Assert.Null(again.Reason);
        var calm = Html.Parse(await admin.Client.GetStringAsync($"{clinic.PathBase}/admin"));
        Assert.DoesNotContain(calm.QuerySelectorAll("[data-testid=admin-alert]"), a => a.TextContent.Contains(receiver.Url("/broken")));
    }

    [Fact]
    public async Task RefuseAPrivateAddressWhenSendingToo()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var admin = await AdminWebhooks.SignInAsync(Host, clinic);
        await using var receiver = await WebhookReceiver.StartAsync(200);
        var id = await admin.CreateAsync(receiver.Url(), "appointment.booked");
        // As if the address passed the form and later came to point inside the network (or was written to the row by a bug).
        await using (var superuser = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString))
        {
            await using var update = new NpgsqlCommand("UPDATE webhook_subscriptions SET url = 'http://10.255.255.1:9/hook' WHERE id = @id", superuser);
            update.Parameters.AddWithValue("id", id);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PressAsync(admin.PageUrl(id), "Test")).StatusCode);

        var delivery = await Waiting.ForAsync(() => DeliveryAsync(clinic, id), d => d.Status == "failed", d => d.Status, "the delivery to fail");
        var detail = Html.Parse(await admin.Client.GetStringAsync(admin.DeliveryUrl(id, delivery.Id)));
        var errors = detail.QuerySelectorAll("[data-testid=attempt-error]").Select(e => e.TextContent).ToList();
        Assert.Equal(WebhookHostFixture.MaxAttempts, errors.Count);
        Assert.All(errors, e => Assert.Contains("private", e));
        Assert.Contains("Failed", detail.QuerySelector("[data-testid=delivery-status]")!.TextContent);
        Assert.Empty(receiver.Received);
    }

    private sealed record DeliveryRow(Guid Id, string Status);

    private sealed record SubscriptionRow(bool Enabled, int Failures, string? Reason);

    private async Task<DeliveryRow> DeliveryAsync(ApiClinic clinic, Guid subscriptionId)
    {
        await using var superuser = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString);
        await using var command = new NpgsqlCommand(
            "SELECT id, status FROM webhook_deliveries WHERE tenant_id = @tenant AND subscription_id = @id ORDER BY created_at LIMIT 1", superuser);
        command.Parameters.AddWithValue("tenant", clinic.Tenant.Id);
        command.Parameters.AddWithValue("id", subscriptionId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new DeliveryRow(reader.GetGuid(0), reader.GetString(1)) : new DeliveryRow(Guid.Empty, "none");
    }

    private async Task<SubscriptionRow> SubscriptionAsync(ApiClinic clinic, Guid id)
    {
        await using var superuser = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString);
        await using var command = new NpgsqlCommand(
            "SELECT enabled, consecutive_failures, auto_disabled_reason FROM webhook_subscriptions WHERE tenant_id = @tenant AND id = @id", superuser);
        command.Parameters.AddWithValue("tenant", clinic.Tenant.Id);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new SubscriptionRow(reader.GetBoolean(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    private async Task<IReadOnlyList<string>> MessagesToAsync(ApiClinic clinic, string email)
    {
        await using var superuser = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString);
        await using var command = new NpgsqlCommand(
            "SELECT subject || ' ' || body FROM message_log WHERE tenant_id = @tenant AND channel = 'email' AND recipient = @email AND subject LIKE 'Webhook%'", superuser);
        command.Parameters.AddWithValue("tenant", clinic.Tenant.Id);
        command.Parameters.AddWithValue("email", email);
        var messages = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            messages.Add(reader.GetString(0));
        }
        return messages;
    }
}
