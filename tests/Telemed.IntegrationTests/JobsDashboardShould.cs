using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Telemed.Core.Data;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;

namespace Telemed.IntegrationTests;

/// <summary>
/// The jobs dashboard over HTTP, for the operator (every clinic) and a clinic's admin (its own jobs only): who may
/// open it, what it lists and counts, the warnings, and what retry, cancel and delete do. The host runs no workers,
/// so the jobs the tests put in the queue stay as they were put.
/// </summary>
public sealed partial class JobsDashboardShould(JobsDashboardShould.IdleQueueHost fixture) : IClassFixture<JobsDashboardShould.IdleQueueHost>
{
    private const string Operator = "operator@telemed.local";
    private const string OperatorPassword = "Operator123!";

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task KeepVisitorsPatientsDoctorsAndOtherClinicsOut()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "owner@keep-out.test");
        var other = await Clinics.CreateAsync(Host, adminEmail: "owner@other.test");
        var job = await SeededJobs.InsertDeadAsync(Host, clinic.Id, Kind(), "Private failure");
        await AddUserAsync(clinic, "patient@keep-out.test", Roles.Patient);
        await AddUserAsync(clinic, "doctor@keep-out.test", Roles.Host);
        var jobs = $"/c/{clinic.Slug}/admin/jobs";

        var login = $"/c/{clinic.Slug}/login";
        var denied = $"/c/{clinic.Slug}/access-denied";

        var anonymous = Host.CreateClient();
        AssertSentTo(login, await anonymous.GetAsync(jobs));
        AssertSentTo(login, await anonymous.GetAsync($"{jobs}/{job}"));
        AssertSentTo("/login", await anonymous.GetAsync("/platform/jobs"));
        AssertSentTo(login, await anonymous.PostAsync($"{jobs}/{job}/Retry", new FormUrlEncodedContent([])));

        foreach (var email in new[] { "patient@keep-out.test", "doctor@keep-out.test" })
        {
            var signedIn = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", email);
            AssertSentTo(denied, await signedIn.GetAsync(jobs));
            AssertSentTo(denied, await signedIn.GetAsync($"{jobs}/{job}"));
            AssertSentTo(denied, await signedIn.PostAsync($"{jobs}/{job}/Delete", new FormUrlEncodedContent([])));
        }

        // Another clinic's admin: not signed in here, and its own clinic's pages do not know this job.
        var otherAdmin = await Clinics.SignInAsync(Host, $"/c/{other.Slug}", "owner@other.test");
        AssertSentTo(login, await otherAdmin.GetAsync(jobs));
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/c/{other.Slug}/admin/jobs/{job}")).StatusCode);
        // A clinic's admin is not the operator, and the operator's pages do not answer inside a clinic.
        var admin = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "owner@keep-out.test");
        AssertSentTo("/login", await admin.GetAsync("/platform/jobs"));
        Assert.NotEqual(HttpStatusCode.OK, (await admin.GetAsync($"/c/{clinic.Slug}/platform/jobs")).StatusCode);

        Assert.Equal("dead", await SeededJobs.StateAsync(Host, job));
    }

    [Fact]
    public async Task ShowAClinicOnlyItsOwnJobs()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "owner@own-jobs.test");
        var other = await Clinics.CreateAsync(Host);
        var kind = Kind();
        var failed = await SeededJobs.InsertDeadAsync(Host, clinic.Id, kind, "Provider said no");
        var waiting = await SeededJobs.InsertAsync(Host, new SeedJob(kind) { TenantId = clinic.Id, RunIn = TimeSpan.FromHours(1) });
        var others = await SeededJobs.InsertDeadAsync(Host, other.Id, kind, "The other clinic's failure", payload: """{"patient": "someone-else"}""");
        var platformJob = await SeededJobs.InsertDeadAsync(Host, null, kind, "The platform's failure");
        var admin = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "owner@own-jobs.test");

        var page = await admin.GetPageAsync($"/c/{clinic.Slug}/admin/jobs");

        Assert.Equal([waiting, failed], ListedIds(page));
        Assert.Equal("1", Count(page, "failed"));
        Assert.Equal("1", Count(page, "scheduled"));
        Assert.Equal("2", page.QuerySelector($"[data-testid=kind-counts] tr[data-kind='{kind}'] td:last-child")!.TextContent.Trim());
        Assert.DoesNotContain("other clinic", page.Body!.TextContent);
        Assert.Empty(ListedIds(await admin.GetPageAsync($"/c/{clinic.Slug}/admin/jobs?appointment=someone-else")));
        foreach (var foreign in new[] { others, platformJob })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/c/{clinic.Slug}/admin/jobs/{foreign}")).StatusCode);
        }
    }

    [Fact]
    public async Task RefuseAClinicAdminActingOnAnotherClinicsJob()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "owner@actor.test");
        var victim = await Clinics.CreateAsync(Host);
        var own = await SeededJobs.InsertDeadAsync(Host, clinic.Id, Kind(), "Own failure");
        var dead = await SeededJobs.InsertDeadAsync(Host, victim.Id, Kind(), "Victim's failure");
        var pending = await SeededJobs.InsertAsync(Host, new SeedJob(Kind()) { TenantId = victim.Id, RunIn = TimeSpan.FromHours(1) });
        var admin = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "owner@actor.test");
        // A valid form of the admin's own clinic, pointed at the other clinic's job ids.
        var ownPage = await admin.GetPageAsync($"/c/{clinic.Slug}/admin/jobs/{own}");

        foreach (var (id, action) in new[] { (dead, "Retry"), (dead, "Delete"), (pending, "Cancel") })
        {
            var response = await PostWithTokenAsync(admin, ownPage, $"/c/{clinic.Slug}/admin/jobs/{id}/{action}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal("dead", await SeededJobs.StateAsync(Host, dead));
        Assert.Equal("available", await SeededJobs.StateAsync(Host, pending));
        await using var asClinic = await Host.GetRequiredService<Database>().OpenAsync(clinic.Id);
        Assert.Equal(0L, await ScalarAsync<long>(asClinic, $"SELECT count(*) FROM clinic_jobs WHERE id IN ({dead}, {pending})"));
        Assert.Equal(0, await ExecuteAsync(asClinic, $"UPDATE clinic_jobs SET state = 'available' WHERE id = {dead}"));
        Assert.Equal(0, await ExecuteAsync(asClinic, $"DELETE FROM clinic_jobs WHERE id = {pending}"));
        Assert.Equal(1L, await ScalarAsync<long>(asClinic, $"SELECT count(*) FROM clinic_jobs WHERE id = {own}"));
    }

    [Fact]
    public async Task RetryCancelAndDeleteJobsAsTheirStatusAllows()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "owner@actions.test");
        var dead = await SeededJobs.InsertDeadAsync(Host, clinic.Id, Kind(), "Gave up");
        var scheduled = await SeededJobs.InsertAsync(Host, new SeedJob(Kind()) { TenantId = clinic.Id, RunIn = TimeSpan.FromHours(2) });
        var succeeded = await SeededJobs.InsertAsync(Host, new SeedJob(Kind(), "succeeded") { TenantId = clinic.Id, Attempt = 1, FinishedAgo = TimeSpan.FromMinutes(3) });
        var admin = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "owner@actions.test");
        var jobs = $"/c/{clinic.Slug}/admin/jobs";

        var deadPage = await admin.GetPageAsync($"{jobs}/{dead}");
        var retried = await admin.SubmitFormAsync(deadPage, $"{jobs}/{dead}", new Dictionary<string, string>(), $"form[action$='/{dead}/Retry']");
        AssertSentTo($"{jobs}/{dead}", retried);
        var afterRetry = await admin.GetPageAsync($"{jobs}/{dead}");
        Assert.Contains($"Job {dead} will run again now.", afterRetry.Body!.TextContent);
        Assert.Equal("Waiting", afterRetry.QuerySelector("[data-testid=job-status]")!.TextContent);
        Assert.Contains("3 of 11", afterRetry.QuerySelector("[data-testid=job-facts]")!.TextContent);
        // The failure that made it dead is still told, from the job itself (it was put in the queue without attempts).
        Assert.Contains("Gave up", afterRetry.QuerySelector("[data-testid=job-attempts] tr[data-attempt='3']")!.TextContent);

        var list = await admin.GetPageAsync(jobs);
        AssertSentTo(jobs, await admin.SubmitFormAsync(list, jobs, new Dictionary<string, string>(), $"tr[data-job-id='{scheduled}'] form[action$='/Cancel']"));
        Assert.Equal("cancelled", await SeededJobs.StateAsync(Host, scheduled));

        // Only finished jobs can be deleted: the retried one is waiting again.
        var refused = await PostWithTokenAsync(admin, list, $"{jobs}/{dead}/Delete", returnUrl: jobs);
        AssertSentTo(jobs, refused);
        Assert.Contains("cannot be deleted", (await admin.GetPageAsync(jobs)).Body!.TextContent);
        Assert.Equal("available", await SeededJobs.StateAsync(Host, dead));
        // Nor can a finished job be cancelled.
        await PostWithTokenAsync(admin, list, $"{jobs}/{succeeded}/Cancel");
        Assert.Equal("succeeded", await SeededJobs.StateAsync(Host, succeeded));

        foreach (var finished in new[] { scheduled, succeeded })
        {
            var page = await admin.GetPageAsync($"{jobs}/{finished}");
            var deleted = await admin.SubmitFormAsync(page, $"{jobs}/{finished}", new Dictionary<string, string>(), $"form[action$='/{finished}/Delete']");
            AssertSentTo(jobs, deleted);
            Assert.Null(await SeededJobs.StateAsync(Host, finished));
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{jobs}/{finished}")).StatusCode);
        }
    }

    [Fact]
    public async Task LetTheOperatorFindAnyClinicsJobsByKindStatusClinicAndAppointment()
    {
        var first = await Clinics.CreateAsync(Host);
        var second = await Clinics.CreateAsync(Host);
        var kind = Kind();
        var appointment = Guid.NewGuid().ToString();
        var booked = await SeededJobs.InsertAsync(Host, new SeedJob(kind, "succeeded")
        {
            TenantId = first.Id, Attempt = 1, FinishedAgo = TimeSpan.FromMinutes(1),
            Payload = $$"""{"appointmentId": "{{appointment}}", "patientEmail": "pat@example.test"}""",
        });
        var firstDead = await SeededJobs.InsertDeadAsync(Host, first.Id, kind, "First clinic's failure");
        var secondDead = await SeededJobs.InsertDeadAsync(Host, second.Id, kind, "Second clinic's failure");
        var platformJob = await SeededJobs.InsertAsync(Host, new SeedJob(kind) { RunIn = TimeSpan.FromHours(1) });
        var operatorClient = await Clinics.SignInAsync(Host, "", Operator, OperatorPassword);

        var all = await operatorClient.GetPageAsync($"/platform/jobs?kind={kind}");
        Assert.Equal([platformJob, secondDead, firstDead, booked], ListedIds(all));
        Assert.Equal(second.Name, all.QuerySelector($"tr[data-job-id='{secondDead}'] td")!.TextContent.Trim());
        Assert.Equal([firstDead], ListedIds(await operatorClient.GetPageAsync($"/platform/jobs?kind={kind}&status=failed&clinic={first.Id}")));
        Assert.Equal([platformJob], ListedIds(await operatorClient.GetPageAsync($"/platform/jobs?kind={kind}&clinic=platform")));
        Assert.Equal([booked], ListedIds(await operatorClient.GetPageAsync($"/platform/jobs?appointment={appointment.ToUpperInvariant()}")));

        // The clinic's data stays the clinic's: the operator sees which fields a job carries, not their values.
        var detail = await operatorClient.GetPageAsync($"/platform/jobs/{booked}");
        Assert.Contains(first.Name, detail.QuerySelector("[data-testid=job-facts]")!.TextContent);
        Assert.Null(detail.QuerySelector("[data-testid=job-payload]"));
        Assert.Contains("patientEmail", detail.QuerySelector("[data-testid=job-payload-fields]")!.TextContent);
        Assert.DoesNotContain("pat@example.test", detail.Body!.TextContent);

        var retried = await operatorClient.SubmitFormAsync(await operatorClient.GetPageAsync($"/platform/jobs/{secondDead}"), $"/platform/jobs/{secondDead}",
            new Dictionary<string, string>(), $"form[action$='/{secondDead}/Retry']");
        AssertSentTo($"/platform/jobs/{secondDead}", retried);
        Assert.Equal("available", await SeededJobs.StateAsync(Host, secondDead));
    }

    [Fact]
    public async Task PageThroughALongList()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "owner@pages.test");
        var kind = Kind();
        var ids = new List<long>();
        for (var i = 0; i < 53; i++)
        {
            ids.Add(await SeededJobs.InsertAsync(Host, new SeedJob(kind) { TenantId = clinic.Id, RunIn = TimeSpan.FromHours(1) }));
        }
        var admin = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "owner@pages.test");

        var first = await admin.GetPageAsync($"/c/{clinic.Slug}/admin/jobs?kind={kind}");
        var older = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await admin.GetPageAsync(older);

        Assert.Equal(ids.AsEnumerable().Reverse().Take(50), ListedIds(first));
        Assert.Equal(ids.Take(3).Reverse(), ListedIds(second));
        Assert.Contains($"kind={kind}", older);
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.NotNull(second.QuerySelector("a[rel=prev]"));
    }

    [Fact]
    public async Task CountByStatusAndKindAndChartTheLastHour()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "owner@chart.test");
        var kind = Kind();
        foreach (var ago in new[] { 2, 2, 2, 30 })
        {
            await SeededJobs.InsertAsync(Host, new SeedJob(kind, "succeeded") { TenantId = clinic.Id, Attempt = 1, FinishedAgo = TimeSpan.FromMinutes(ago) });
        }
        await SeededJobs.InsertAsync(Host, new SeedJob(kind, "succeeded") { TenantId = clinic.Id, Attempt = 1, FinishedAgo = TimeSpan.FromHours(3) });
        // A running job whose attempt fails: the database records the attempt, which the chart counts.
        var failing = await SeededJobs.InsertAsync(Host, new SeedJob(kind, "running") { TenantId = clinic.Id, Attempt = 1 });
        await using (var connection = await Host.GetRequiredService<Database>().OpenAsync((Guid?)null))
        {
            await ExecuteAsync(connection, $"UPDATE jobs SET state = 'retrying', last_error = 'Timed out', run_at = now() + interval '1 hour', updated_at = now() WHERE id = {failing}");
        }
        var admin = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "owner@chart.test");

        var page = await admin.GetPageAsync($"/c/{clinic.Slug}/admin/jobs");

        Assert.Equal("5", Count(page, "succeeded"));
        Assert.Equal("1", Count(page, "retrying"));
        Assert.Equal("6", page.QuerySelector($"[data-testid=kind-counts] tr[data-kind='{kind}'] td:last-child")!.TextContent.Trim());
        var chart = page.QuerySelector("[data-testid=throughput-chart]")!;
        Assert.Equal(2, chart.QuerySelectorAll("rect.bar-succeeded").Length);
        Assert.Single(chart.QuerySelectorAll("rect.bar-failed"));
        Assert.Contains(chart.QuerySelectorAll("g.bar > title"), title => title.TextContent.EndsWith(": 3 succeeded, 0 failed attempts"));
        Assert.StartsWith("4 succeeded and 1 failed attempt;", page.QuerySelector("[data-testid=throughput-summary]")!.TextContent.Trim());

        var detail = await admin.GetPageAsync($"/c/{clinic.Slug}/admin/jobs/{failing}");
        var attempt = detail.QuerySelector("[data-testid=job-attempts] tr[data-attempt='1']")!;
        Assert.Contains("Failed, to be retried", attempt.TextContent);
        Assert.Contains("Timed out", attempt.TextContent);
    }

    [Fact]
    public async Task WarnWhenJobsFailedOrTheQueueIsLate()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "owner@warn.test");
        var admin = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "owner@warn.test");
        var jobs = $"/c/{clinic.Slug}/admin/jobs";
        Assert.Empty((await admin.GetPageAsync(jobs)).QuerySelectorAll("[data-testid=jobs-warning]"));
        Assert.Empty((await admin.GetPageAsync($"/c/{clinic.Slug}/admin")).QuerySelectorAll("[data-testid=admin-alert]"));

        await SeededJobs.InsertDeadAsync(Host, clinic.Id, Kind(), "Gave up");
        await SeededJobs.InsertAsync(Host, new SeedJob(Kind()) { TenantId = clinic.Id, RunIn = TimeSpan.FromSeconds(-20) });
        var oneFailed = (await admin.GetPageAsync(jobs)).QuerySelectorAll("[data-testid=jobs-warning]");
        Assert.Equal(["1 background job has failed and stopped retrying."], oneFailed.Select(w => w.QuerySelector("span")!.TextContent));
        Assert.Equal($"{jobs}?status=failed", oneFailed[0].QuerySelector("a")!.GetAttribute("href"));

        await SeededJobs.InsertAsync(Host, new SeedJob(Kind()) { TenantId = clinic.Id, RunIn = TimeSpan.FromMinutes(-5) });
        var warnings = (await admin.GetPageAsync(jobs)).QuerySelectorAll("[data-testid=jobs-warning]").Select(w => w.TextContent).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("running late: the oldest due job has waited 5 min", warnings[1]);

        var home = (await admin.GetPageAsync($"/c/{clinic.Slug}/admin")).QuerySelectorAll("[data-testid=admin-alert]");
        Assert.Equal(2, home.Length);
        Assert.Equal($"{jobs}?status=failed", home[0].QuerySelector("a")!.GetAttribute("href"));
        var operatorHome = await (await Clinics.SignInAsync(Host, "", Operator, OperatorPassword)).GetPageAsync("/platform");
        Assert.Contains(operatorHome.QuerySelectorAll("[data-testid=admin-alert] a"), a => a.GetAttribute("href") == "/platform/jobs?status=failed");
    }

    [Theory]
    [InlineData("Europe/London", "GMT|BST")]
    [InlineData("America/New_York", "EST|EDT")]
    [InlineData("Asia/Kolkata", "IST")]
    public async Task ShowTimesInTheClinicsZoneWithItsAbbreviation(string zone, string abbreviations)
    {
        var slug = $"tz-{Guid.NewGuid():N}"[..16];
        var recipe = Telemed.Core.Recipes.Recipe.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Recipes, "new-clinic.recipe.json")),
            new Dictionary<string, string> { ["adminEmail"] = $"owner@{slug}.test", ["adminPassword"] = Clinics.Password, ["adminName"] = "Owner" });
        var clinic = await Host.GetRequiredService<Telemed.Tenants.Services.TenantProvisioner>().ProvisionAsync(recipe, new Telemed.Tenants.Services.ClinicRequest(slug, "Zoned clinic", zone));
        var job = await SeededJobs.InsertDeadAsync(Host, clinic.Id, Kind(), "Failed");
        var admin = await Clinics.SignInAsync(Host, $"/c/{slug}", $"owner@{slug}.test");

        foreach (var path in new[] { $"/c/{slug}/admin/jobs", $"/c/{slug}/admin/jobs/{job}" })
        {
            var page = await admin.GetPageAsync(path);
            var times = page.QuerySelectorAll("time").ToList();
            Assert.NotEmpty(times);
            Assert.All(times, time =>
            {
                Assert.Matches($@"^\d{{1,2}} [A-Z][a-z]{{2}} \d{{4}}, \d{{2}}:\d{{2}}:\d{{2}} ({abbreviations})$", time.TextContent);
                Assert.DoesNotMatch("Z$", time.GetAttribute("datetime")!);
            });
            Assert.DoesNotMatch(@"\d{2}:\d{2}(:\d{2})?Z\b", page.Body!.TextContent);
        }
        Assert.Contains($"Times in {zone.Replace('_', ' ')}", (await admin.GetPageAsync($"/c/{slug}/admin/jobs")).Body!.TextContent);
    }

    [Fact]
    public async Task ListRecurringJobsWithTheirNextRunInTheViewersZone()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "owner@recurring.test");
        var admin = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "owner@recurring.test");
        var operatorClient = await Clinics.SignInAsync(Host, "", Operator, OperatorPassword);

        var clinicRow = (await admin.GetPageAsync($"/c/{clinic.Slug}/admin/jobs")).QuerySelector("[data-testid=recurring-jobs] tr[data-kind='jobs.cleanup']")!;
        var platformRow = await Waiting.ForAsync(
            async () => (await operatorClient.GetPageAsync("/platform/jobs")).QuerySelector("[data-testid=recurring-jobs] tr[data-kind='jobs.cleanup']")!,
            row => row.QuerySelector("a") is not null, row => row.TextContent, "the clean-up's next run to be queued");

        Assert.Contains("0 * * * *", clinicRow.TextContent);
        Assert.Matches(@":00:00 (GMT|BST)$", clinicRow.QuerySelector("time")!.TextContent);
        Assert.Null(clinicRow.QuerySelector("a"));
        Assert.Matches(@":00:00 UTC$", platformRow.QuerySelector("time")!.TextContent);
        var queued = long.Parse(platformRow.QuerySelector("a")!.TextContent.Replace("job ", ""));
        Assert.Equal("available", await SeededJobs.StateAsync(Host, queued));
    }

    private static string Kind() => $"tests.dashboard-{Guid.NewGuid():N}"[..28];

    private static List<long> ListedIds(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=job-list] tbody tr[data-job-id]").Select(r => long.Parse(r.GetAttribute("data-job-id")!)).ToList();

    private static string Count(IHtmlDocument page, string status) =>
        page.QuerySelector($"[data-testid=status-counts] a[data-status='{status}'] [data-count]")!.TextContent;

    private void AssertSentTo(string path, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(path, new Uri(Host.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    private Task<UserSummary> AddUserAsync(Tenant clinic, string email, string role) =>
        Host.InTenantAsync(clinic, services => services.GetRequiredService<IUserDirectory>().CreateAsync(email, Clinics.Password, email, [role]));

    /// <summary>Posts to <paramref name="url"/> with the antiforgery token of a form on <paramref name="page"/>, as a crafted request would.</summary>
    private static Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, IHtmlDocument page, string url, string? returnUrl = null)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }
        return client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>A host whose queue runs nothing, so the jobs the tests put in it keep their state.</summary>
    public sealed class IdleQueueHost : HostFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:Workers"] = "0" };
    }
}
