using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Availability;
using Telemed.Booking.Data;
using Telemed.Booking.Services;

namespace Telemed.Api.IntegrationTests;

/// <summary>A clinic admin at work on the webhooks pages, posting forms as a browser would (with the antiforgery token).</summary>
public sealed class AdminWebhooks(TestClient admin, ApiClinic clinic)
{
    public TestClient Client => admin;

    public string ListUrl => $"{clinic.PathBase}/admin/webhooks";
    public string NewUrl => $"{clinic.PathBase}/admin/webhooks/new";
    public string PageUrl(Guid id) => $"{clinic.PathBase}/admin/webhooks/{id}";
    public string DeliveryUrl(Guid id, Guid deliveryId) => $"{clinic.PathBase}/admin/webhooks/{id}/deliveries/{deliveryId}";

    public static async Task<AdminWebhooks> SignInAsync(TestHost host, ApiClinic clinic, string email = ApiClinic.AdminEmail) =>
        new((await AdminKeys.SignInAsync(host, clinic, email)).Client, clinic);

    public async Task<HttpResponseMessage> PostNewAsync(string url, IEnumerable<string> events, string description = "")
    {
        var page = await admin.GetPageAsync(NewUrl);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Token(page)),
            new("Input.Url", url),
            new("Input.Description", description),
        };
        fields.AddRange(events.Select(e => new KeyValuePair<string, string>("Input.Events", e)));
        return await admin.PostAsync(NewUrl, new FormUrlEncodedContent(fields));
    }

    /// <summary>Creates an endpoint and returns its id (from the redirect to its page).</summary>
    public async Task<Guid> CreateAsync(string url, params string[] events)
    {
        var response = await PostNewAsync(url, events, "Test receiver");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Creating a webhook answered {(int)response.StatusCode}: {string.Join(" | ", Html.Parse(body).QuerySelectorAll(".invalid-feedback").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0))}");
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    /// <summary>Presses "Show secret" and reads it off the page.</summary>
    public async Task<string> SecretAsync(Guid id)
    {
        var response = await PressAsync(PageUrl(id), "Secret");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        return (page.QuerySelector("[data-testid=secret]") as IHtmlInputElement)?.Value ?? throw new InvalidOperationException("The page shows no secret.");
    }

    /// <summary>Presses the button of the form whose handler is <paramref name="handler"/> on the page at <paramref name="url"/>.</summary>
    public async Task<HttpResponseMessage> PressAsync(string url, string handler)
    {
        var page = await admin.GetPageAsync(url);
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.GetAttribute("action")?.Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase) == true)
            ?? throw new InvalidOperationException($"No {handler} button on {url}.");
        return await admin.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", Token(page))]));
    }

    /// <summary>Posts to a handler with a valid token taken from another page of the same admin.</summary>
    public async Task<HttpResponseMessage> PostWithTokenAsync(string url)
    {
        var page = await admin.GetPageAsync(ListUrl.Replace("/webhooks", "/api-keys/new"));
        return await admin.PostAsync(url, new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", Token(page))]));
    }

    public static string Token(IHtmlDocument page) =>
        (page.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
        ?? throw new InvalidOperationException("The page has no antiforgery token.");
}

/// <summary>Bookings made the way the public site makes them: through the product's booking service.</summary>
public static class Bookings
{
    public static Task<Guid> BookAsync(TestHost host, ApiClinic clinic, string patient, int daysAhead = 2) => host.InTenantAsync(clinic.Tenant, async services =>
    {
        var db = services.GetRequiredService<BookingDb>();
        var finder = services.GetRequiredService<SlotFinder>();
        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == clinic.Consultation);
        var hosts = await finder.HostsOfferingAsync(service.Id, null, CancellationToken.None);
        var from = finder.Now.AddDays(daysAhead);
        var slot = (await finder.FindAsync(service, hosts, 30, new UtcRange(from, from.AddDays(7)), CancellationToken.None)).First();
        var result = await services.GetRequiredService<BookingService>().BookAsync(new BookingRequest(service.Id, slot.Host.Id, slot.Slot.Start, 30,
            new PatientInfo(patient, $"{Guid.NewGuid():N}@patient.test", null, "Europe/London", null, null)), CancellationToken.None);
        Assert.True(result.Succeeded, result.Message);
        return result.Appointment!.Id;
    });
}

/// <summary>A host whose webhooks may reach the tests' loopback receivers, retry quickly and give up soon.</summary>
public sealed class WebhookHostFixture : IAsyncLifetime
{
    public const int DisableAfterFailures = 2;
    public const int MaxAttempts = 3;

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Webhooks:AllowLoopback"] = "true",
        // Over a second, so a retry's timestamp (unix seconds) always differs from the first attempt's.
        ["Webhooks:RetryBase"] = "00:00:01.500",
        ["Webhooks:RetryMax"] = "00:00:02",
        ["Webhooks:MaxAttempts"] = MaxAttempts.ToString(),
        ["Webhooks:DisableAfterFailures"] = DisableAfterFailures.ToString(),
    }, await TestPostgres.CreateDatabaseAsync("webhooks"));

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
