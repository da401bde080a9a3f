using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Availability;
using Telemed.Booking.Data;
using Telemed.Booking.Services;
using Telemed.Core.Clinic;
using Telemed.Core.Messaging;
using Telemed.Core.Tenancy;

namespace Telemed.BrowserTests;

/// <summary>
/// The staff home in Chromium, on the demo clinic's recipe with hosts connected to the Zoom sandbox: the set-up
/// checklist until the clinic is ready, what needs someone, and the day and what comes next with each video visit's
/// meeting state — the clinic's for an admin, their own in their own zone for a doctor.
/// </summary>
public sealed class StaffDashboardShould(StaffDashboardShould.DemoClinicHost fixture) : IClassFixture<StaffDashboardShould.DemoClinicHost>
{
    private const string Password = "Demo123!";

    [Fact]
    public async Task LeadANewClinicThroughItsSetUpThenShowTheDayAndWhatNeedsSomeone()
    {
        var clinic = await fixture.DemoClinicAsync();
        var (context, violations) = await fixture.NewWatchedContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        var pathBase = $"/c/{clinic.Slug}";

        await violations.AssertNoneAfterAsync(async () =>
        {
            await BrowserSignIn.SignInAsync(page, pathBase, "admin@demo.clinic", Password);
            await page.GotoAsync($"{pathBase}/admin");
            var checklist = page.Locator("[data-testid=setup-checklist]");
            await Assertions.Expect(checklist.Locator("[data-testid=setup-progress]")).ToHaveTextAsync("4 of 6 done");
            await Assertions.Expect(checklist.Locator("[data-testid=setup-step][data-done=true]")).ToHaveCountAsync(4);
            await Assertions.Expect(checklist.GetByRole(AriaRole.Link, new() { Name = "Make a test booking" })).ToBeVisibleAsync();

            await checklist.GetByRole(AriaRole.Link, new() { Name = "Review your message templates" }).ClickAsync();
            await PageUrls.ExpectAsync(page, $"**{pathBase}/admin/templates");
            await page.GetByRole(AriaRole.Button, new() { Name = "Mark templates reviewed" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Templates marked as reviewed.");
            await Assertions.Expect(page.Locator("[data-testid=templates-review]")).ToContainTextAsync("Reviewed by Morgan Reyes (clinic admin)");

            await page.GotoAsync($"{pathBase}/admin");
            await Assertions.Expect(page.Locator("[data-testid=setup-progress]")).ToHaveTextAsync("5 of 6 done");
        });

        var booked = await fixture.BookWithAsync(clinic, "Dr Alice Carter", "General consultation", "Jamie Booker");
        var walkIn = await fixture.WalkInAsync(clinic, "Dr Ravi Menon", "In-clinic check-up", "Wendy Walkin");
        await fixture.RecordUndeliveredMessageAsync(clinic);

        await violations.AssertNoneAfterAsync(async () =>
        {
            await page.GotoAsync($"{pathBase}/admin");
            // Ready: the checklist is gone.
            await Assertions.Expect(page.Locator("[data-testid=setup-checklist]")).ToHaveCountAsync(0);
            var alert = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "1 message was not delivered in the last 7 days." });
            await Assertions.Expect(alert).ToBeVisibleAsync();

            var agenda = page.Locator("[data-testid=agenda]");
            await Assertions.Expect(agenda.GetByRole(AriaRole.Heading, new() { Name = "Today at the clinic" })).ToBeVisibleAsync();
            await Assertions.Expect(agenda.Locator("[data-testid=agenda-zone]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Times in Europe/London \((GMT|BST)\)$"));
            var today = agenda.Locator($"[data-testid=agenda-today] [data-appointment-id='{walkIn}']");
            await Assertions.Expect(today).ToContainTextAsync("Wendy Walkin");
            await Assertions.Expect(today).ToContainTextAsync("In-clinic check-up · Dr Ravi Menon");
            var next = agenda.Locator($"[data-testid=agenda-next] [data-appointment-id='{booked}']");
            await Assertions.Expect(next).ToContainTextAsync("Jamie Booker");
            await Assertions.Expect(next.Locator("[data-meeting-state=Created]")).ToContainTextAsync("Zoom meeting ready");
            await DocScreenshots.SaveAsync(page, "staff-dashboard.png");

            await next.GetByRole(AriaRole.Link).First.ClickAsync();
            await PageUrls.ExpectAsync(page, $"**{pathBase}/admin/appointments/{booked}");

            await page.GotoAsync($"{pathBase}/admin");
            await page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "See undelivered messages" }).ClickAsync();
            await PageUrls.ExpectAsync(page, $"**{pathBase}/admin/messages?status=failed");
        });
    }

    [Fact]
    public async Task ShowADoctorTheirOwnDayInTheirZoneOnAPhone()
    {
        var clinic = await fixture.DemoClinicAsync();
        var mine = await fixture.WalkInAsync(clinic, "Dr Ravi Menon", "Therapy session", "Priya Own");
        var theirs = await fixture.WalkInAsync(clinic, "Dr Alice Carter", "In-clinic check-up", "Other Patient");
        var (context, violations) = await fixture.NewWatchedContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);

        await violations.AssertNoneAfterAsync(async () =>
        {
            await BrowserSignIn.SignInAsync(page, $"/c/{clinic.Slug}", "dr.ravi@demo.clinic", Password);
            await page.GotoAsync($"/c/{clinic.Slug}/admin");
            var agenda = page.Locator("[data-testid=agenda]");
            await Assertions.Expect(agenda.GetByRole(AriaRole.Heading, new() { Name = "Your day" })).ToBeVisibleAsync();
            await Assertions.Expect(agenda.Locator("[data-testid=agenda-zone]")).ToHaveTextAsync("Times in Asia/Kolkata (IST)");
            await Assertions.Expect(agenda.Locator($"[data-appointment-id='{mine}']")).ToContainTextAsync("Priya Own");
            await Assertions.Expect(agenda.Locator($"[data-appointment-id='{theirs}']")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=setup-checklist]")).ToHaveCountAsync(0);
            Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the dashboard scrolls sideways at 390 px");
        });
    }

    [Fact]
    public async Task FitTheAdminMenuOnOneRowAt1280AndBehindAButtonOnAPhone()
    {
        var clinic = await fixture.DemoClinicAsync();
        var (context, violations) = await fixture.NewWatchedContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);
        var pathBase = $"/c/{clinic.Slug}";

        await violations.AssertNoneAfterAsync(async () =>
        {
            await BrowserSignIn.SignInAsync(page, pathBase, "admin@demo.clinic", Password);
            await page.GotoAsync($"{pathBase}/admin");
            var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" });
            var links = menu.Locator(".navbar-nav > .nav-item");
            var tops = await links.EvaluateAllAsync<double[]>("items => items.map(i => i.getBoundingClientRect().top)");
            Assert.True(tops.Length >= 6, $"expected the admin's menu, found {tops.Length} entries");
            Assert.True(tops.Distinct().Count() == 1, $"the admin menu wraps at 1280 px: entries at {string.Join(", ", tops)}");

            // The keyboard opens a group and walks into it.
            var setUp = menu.GetByRole(AriaRole.Button, new() { Name = "Set-up" });
            await setUp.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(setUp).ToHaveAttributeAsync("aria-expanded", "true");
            await page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Services" })).ToBeFocusedAsync();
            await menu.GetByRole(AriaRole.Link, new() { Name = "Hosts" }).ClickAsync();
            await PageUrls.ExpectAsync(page, $"**{pathBase}/admin/hosts");
            await Assertions.Expect(menu.GetByRole(AriaRole.Button, new() { Name = "Set-up" })).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bactive\\b"));

            await page.SetViewportSizeAsync(390, 844);
            await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Calendar" })).ToBeHiddenAsync();
            await menu.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
            await menu.GetByRole(AriaRole.Link, new() { Name = "Calendar" }).ClickAsync();
            await PageUrls.ExpectAsync(page, $"**{pathBase}/admin/calendar**");
            Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways at 390 px");
        });
    }

    /// <summary>A host that connects the demo recipe's hosts to the Zoom and Google sandboxes, and Chromium.</summary>
    public sealed class DemoClinicHost : IAsyncLifetime
    {
        private readonly BrowserFixture _browser = new();

        public TestHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Zoom:RecipeSandboxConnections"] = "true" });
            await _browser.InitializeAsync();
        }

        public async Task<(IBrowserContext Context, PolicyViolations Violations)> NewWatchedContextAsync()
        {
            var context = await _browser.NewContextAsync(Host);
            return (context, await PolicyViolations.WatchAsync(context));
        }

        public Task<Tenant> DemoClinicAsync() => TestClinics.ProvisionDemoAsync(Host, "home");

        /// <summary>Books the host's first free time two days on, as the public site would, and waits for its meeting.</summary>
        public async Task<Guid> BookWithAsync(Tenant clinic, string hostName, string serviceName, string patient)
        {
            var id = await Host.InTenantAsync(clinic, async services =>
            {
                var db = services.GetRequiredService<BookingDb>();
                var finder = services.GetRequiredService<SlotFinder>();
                var service = await db.Services.AsNoTracking().SingleAsync(s => s.Name == serviceName);
                var hosts = (await finder.HostsOfferingAsync(service.Id, null, CancellationToken.None)).Where(h => h.DisplayName == hostName).ToList();
                var from = finder.Now.AddDays(2);
                var slot = (await finder.FindAsync(service, hosts, 30, new UtcRange(from, from.AddDays(7)), CancellationToken.None)).First();
                var result = await services.GetRequiredService<BookingService>().BookAsync(new BookingRequest(service.Id, slot.Host.Id, slot.Slot.Start, 30,
                    new PatientInfo(patient, $"{Guid.NewGuid():N}@patient.test", null, "Europe/London", null, null)), CancellationToken.None);
                Assert.True(result.Succeeded, result.Message);
                return result.Appointment!.Id;
            });
            await Waiting.ForAsync(() => Host.InTenantAsync(clinic, s => s.GetRequiredService<IMeetingLinks>().GetForHostAsync(id, freshStartUrl: false)),
                m => m?.State == MeetingState.Created, m => $"{m?.State}", "the Zoom meeting");
            return id;
        }

        /// <summary>A walk-in that started minutes ago: today's, whatever the hour of the test.</summary>
        public async Task<Guid> WalkInAsync(Tenant clinic, string hostName, string serviceName, string patient)
        {
            var (hostId, serviceId) = await Host.InTenantAsync(clinic, async services =>
            {
                var db = services.GetRequiredService<BookingDb>();
                return ((await db.Hosts.SingleAsync(h => h.DisplayName == hostName)).Id, (await db.Services.SingleAsync(s => s.Name == serviceName)).Id);
            });
            return await SeededAppointments.InsertAsync(Host, clinic, hostId, serviceId, DateTimeOffset.UtcNow.AddMinutes(-2), 20, patient);
        }

        public Task RecordUndeliveredMessageAsync(Tenant clinic) => Host.InTenantAsync(clinic, services =>
            services.GetRequiredService<MessageLog>().RecordAsync(new OutgoingMessage("email", "nobody@invalid.test", "Your appointment", "Hello"), "failed"));

        public async Task DisposeAsync()
        {
            await _browser.DisposeAsync();
            if (Host is not null)
            {
                await Host.DisposeAsync();
            }
        }
    }
}
