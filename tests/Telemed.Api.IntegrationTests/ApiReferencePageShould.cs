using System.Collections.Concurrent;
using System.Net;
using Microsoft.Playwright;

namespace Telemed.Api.IntegrationTests;

/// <summary>The clinic's API reference page: Scalar's own bundled script, no CDN, under the site's Content-Security-Policy.</summary>
public sealed class ApiReferencePageShould(HostFixture fixture, BrowserFixture browser) : IClassFixture<HostFixture>, IClassFixture<BrowserFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task AnswerHtmlPointingAtTheClinicsDocument()
    {
        var clinic = await ApiClinic.CreateAsync(Host);

        var response = await Host.CreateClient(followRedirects: true).GetAsync($"{clinic.PathBase}/api/docs");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"{Host.BaseAddress.GetLeftPart(UriPartial.Authority)}{clinic.PathBase}/api/v1/openapi.json", body);
        Assert.DoesNotContain("cdn.jsdelivr.net", body);
        // Scalar's bundle sets styles from script: that page alone lets styles be inline; scripts keep the nonce.
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src 'self' 'unsafe-inline'", policy);
        Assert.Contains("script-src 'self' 'nonce-", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        var other = await Host.CreateClient().GetAsync($"{clinic.PathBase}/login");
        Assert.DoesNotContain("unsafe-inline", string.Join(" ", other.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task RenderTheClinicsApiInChromiumWithoutErrorsOrOutsideRequests()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        await using var context = await browser.NewContextAsync(Host);
        var violations = await PolicyViolations.WatchAsync(context);
        var errors = new ConcurrentQueue<string>();
        var outside = new ConcurrentQueue<string>();
        var origin = Host.BaseAddress.GetLeftPart(UriPartial.Authority);
        // Nothing may leave the machine: a CDN fetch would fail offline.
        await context.RouteAsync(url => !url.StartsWith(origin, StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal), async route =>
        {
            outside.Enqueue(route.Request.Url);
            await route.AbortAsync();
        });
        context.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Enqueue(message.Text);
            }
        };
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{clinic.PathBase}/api/docs");
        await Assertions.Expect(page.GetByText($"{clinic.Tenant.Name} API").First).ToBeVisibleAsync();
        // Every tag of the document is a group in the sidebar (the operations are drawn as their section scrolls into view).
        foreach (var tag in new[] { "Appointments", "Booking API", "Meetings", "Patients" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Complementary).GetByRole(AriaRole.Link, new() { Name = tag, Exact = true })).ToBeAttachedAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "get /api/v1/patients" })).ToBeAttachedAsync();

        var blocked = violations.Seen.Where(v => !IsEvalProbe(v)).ToList();
        Assert.True(blocked.Count == 0, "Chromium blocked: " + string.Join(Environment.NewLine, blocked));
        var unexpected = errors.Where(e => !IsEvalProbe(e)).ToList();
        Assert.True(unexpected.Count == 0, "Console errors: " + string.Join(Environment.NewLine, unexpected));
        Assert.True(outside.IsEmpty, "Requests off the site: " + string.Join(Environment.NewLine, outside));
    }

    /// <summary>
    /// Scalar's bundle probes once whether it may compile code (<c>try { Function('') } catch { }</c>) and carries on without:
    /// the page keeps 'unsafe-eval' refused, so that one refusal is expected. Any other violation or error fails.
    /// </summary>
    private static bool IsEvalProbe(string message) =>
        message.Contains("blocked eval", StringComparison.Ordinal) || message.Contains("'unsafe-eval'", StringComparison.Ordinal);
}
