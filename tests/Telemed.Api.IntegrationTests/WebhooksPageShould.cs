using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Npgsql;

namespace Telemed.Api.IntegrationTests;

/// <summary>The admin's webhooks pages: the address rules shown next to the field, who may use them, the secret kept encrypted.</summary>
public sealed class WebhooksPageShould(WebhookHostFixture fixture) : IClassFixture<WebhookHostFixture>
{
    private TestHost Host => fixture.Host;

    [Theory]
    [InlineData("http://hooks.example.test/telemed", "https://")]
    [InlineData("ftp://hooks.example.test/telemed", "https://")]
    [InlineData("https://10.1.2.3/hook", "private")]
    [InlineData("https://192.168.0.20/hook", "private")]
    [InlineData("https://169.254.169.254/latest/meta-data", "private")]
    [InlineData("https://[fd00::1]/hook", "private")]
    [InlineData("https://user:pass@hooks.example.test/telemed", "user name")]
    public async Task ShowAnAddressProblemNextToTheFieldAndKeepWhatWasTyped(string url, string problem)
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var admin = await AdminWebhooks.SignInAsync(Host, clinic);

        var response = await admin.PostNewAsync(url, ["appointment.cancelled", "meeting.created"], "Records system");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(problem, page.FieldError("Input.Url"));
        var field = (IHtmlInputElement)page.QuerySelector("#Input_Url")!;
        Assert.Equal(url, field.Value);
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Contains("Input_Url-error", field.GetAttribute("aria-describedby"));
        Assert.Equal("Records system", ((IHtmlInputElement)page.QuerySelector("#Input_Description")!).Value);
        var ticked = page.QuerySelectorAll("input[name='Input.Events']").OfType<IHtmlInputElement>().Where(i => i.IsChecked).Select(i => i.Value);
        Assert.Equal(["appointment.cancelled", "meeting.created"], ticked);
        Assert.Equal(0L, await CountAsync(clinic));
    }

    [Fact]
    public async Task AskForAtLeastOneEvent()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var admin = await AdminWebhooks.SignInAsync(Host, clinic);

        var none = await admin.PostNewAsync("https://hooks.example.test/telemed", []);
        var unknown = await admin.PostNewAsync("https://hooks.example.test/telemed", ["appointment.exploded"]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("at least one event", Html.Parse(await none.Content.ReadAsStringAsync()).FieldError("Input.Events"));
        Assert.Contains("from the list", Html.Parse(await unknown.Content.ReadAsStringAsync()).FieldError("Input.Events"));
        Assert.Equal(0L, await CountAsync(clinic));
    }

    [Fact]
    public async Task OfferEveryAppointmentAndMeetingEvent()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var admin = await AdminWebhooks.SignInAsync(Host, clinic);

        var page = await admin.Client.GetPageAsync(admin.NewUrl);

        var offered = page.QuerySelectorAll("input[name='Input.Events']").OfType<IHtmlInputElement>().Select(i => i.Value).ToHashSet();
        Assert.Equal(new HashSet<string>
        {
            "appointment.booked", "appointment.rescheduled", "appointment.cancelled", "appointment.completed", "appointment.no_show", "appointment.deleted",
            "meeting.created", "meeting.link_changed", "meeting.failed", "meeting.deleted", "meeting.ended",
        }, offered);
    }

    [Fact]
    public async Task RefuseAPostWithoutTheAntiforgeryToken()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var admin = await AdminWebhooks.SignInAsync(Host, clinic);
        await using var receiver = await WebhookReceiver.StartAsync(200);
        var id = await admin.CreateAsync(receiver.Url(), "appointment.booked");

        var create = await admin.Client.PostAsync(admin.NewUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Url"] = receiver.Url("/forged"), ["Input.Events"] = "appointment.booked",
        }));
        var delete = await admin.Client.PostAsync($"{admin.PageUrl(id)}?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Equal(1L, await CountAsync(clinic));
    }

    [Fact]
    public async Task BeOpenToClinicAdminsOnly()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var doctor = await AdminWebhooks.SignInAsync(Host, clinic, ApiClinic.DoctorEmail);
        var anonymous = Host.CreateClient();

        Assert.NotEqual(HttpStatusCode.OK, (await doctor.Client.GetAsync(doctor.ListUrl)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await doctor.Client.GetAsync(doctor.NewUrl)).StatusCode);
        var refused = await anonymous.GetAsync(doctor.ListUrl);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/login", refused.Headers.Location!.OriginalString);
        var admin = await AdminWebhooks.SignInAsync(Host, clinic);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync(admin.ListUrl)).StatusCode);
        var menu = Html.Parse(await admin.Client.GetStringAsync($"{clinic.PathBase}/admin"));
        Assert.NotNull(menu.QuerySelector($"a.dropdown-item[href='{clinic.PathBase}/admin/webhooks']"));
        var doctorHome = Html.Parse(await doctor.Client.GetStringAsync($"{clinic.PathBase}/admin"));
        Assert.Null(doctorHome.QuerySelector($"a[href='{clinic.PathBase}/admin/webhooks']"));
    }

    [Fact]
    public async Task KeepTheSigningSecretEncryptedAndShowItOnDemand()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var admin = await AdminWebhooks.SignInAsync(Host, clinic);
        await using var receiver = await WebhookReceiver.StartAsync(200);
        var id = await admin.CreateAsync(receiver.Url(), "appointment.booked");

        var page = await admin.Client.GetStringAsync(admin.PageUrl(id));
        var secret = await admin.SecretAsync(id);

        Assert.Matches(new Regex("^whsec_[A-Za-z0-9_-]{43}$"), secret);
        Assert.DoesNotContain(secret, page);
        Assert.Equal(secret, await admin.SecretAsync(id));
        await using var superuser = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString);
        await using var command = new NpgsqlCommand("SELECT secret_protected, row_to_json(s)::text FROM webhook_subscriptions s WHERE tenant_id = @tenant", superuser);
        command.Parameters.AddWithValue("tenant", clinic.Tenant.Id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.DoesNotContain("whsec_", reader.GetString(0));
        Assert.DoesNotContain(secret["whsec_".Length..], reader.GetString(1));
        Assert.Contains(receiver.Url(), reader.GetString(1));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task EditTurnOffAndDeleteAnEndpoint()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var admin = await AdminWebhooks.SignInAsync(Host, clinic);
        await using var receiver = await WebhookReceiver.StartAsync(200);
        var id = await admin.CreateAsync(receiver.Url(), "appointment.booked");
        var secret = await admin.SecretAsync(id);

        var editUrl = $"{admin.PageUrl(id)}/edit";
        var form = await admin.Client.GetPageAsync(editUrl);
        Assert.Equal(receiver.Url(), ((IHtmlInputElement)form.QuerySelector("#Input_Url")!).Value);
        var refused = await admin.Client.PostAsync(editUrl, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", AdminWebhooks.Token(form)), new("Input.Url", "https://172.16.0.9/hook"),
            new("Input.Description", "Moved"), new("Input.Events", "appointment.cancelled"),
        ]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("private", Html.Parse(await refused.Content.ReadAsStringAsync()).FieldError("Input.Url"));
        var saved = await admin.Client.PostAsync(editUrl, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", AdminWebhooks.Token(form)), new("Input.Url", receiver.Url("/moved")),
            new("Input.Description", "Moved"), new("Input.Events", "appointment.cancelled"), new("Input.Events", "meeting.created"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var shown = await admin.Client.GetStringAsync(admin.PageUrl(id));
        Assert.Contains(receiver.Url("/moved"), shown);
        Assert.Contains("meeting.created", shown);
        Assert.Equal(secret, await admin.SecretAsync(id));

        var off = await admin.PressAsync(admin.PageUrl(id), "Disable");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal("Off", Html.Parse(await admin.Client.GetStringAsync(admin.PageUrl(id))).QuerySelector("[data-testid=state]")!.TextContent.Trim());
        await Bookings.BookAsync(Host, clinic, "Off Patient");

        var deletePage = await admin.Client.GetPageAsync(admin.PageUrl(id));
        var deleteButton = deletePage.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.GetAttribute("action")!.Contains("handler=Delete"))
            .QuerySelector("button")!;
        Assert.Contains("cannot be undone", deleteButton.GetAttribute("data-confirm"));
        var deleted = await admin.PressAsync(admin.PageUrl(id), "Delete");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync(admin.PageUrl(id))).StatusCode);
        Assert.Equal(0L, await CountAsync(clinic));
        Assert.Empty(receiver.Received);
    }

    private async Task<long> CountAsync(ApiClinic clinic)
    {
        await using var superuser = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM webhook_subscriptions WHERE tenant_id = @tenant", superuser);
        count.Parameters.AddWithValue("tenant", clinic.Tenant.Id);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
