using System.Net;
using System.Text.Json;
using Telemed.Core.Api;

namespace Telemed.Api.IntegrationTests;

/// <summary>/api/v1/appointments: booking (with Idempotency-Key), reading, listing, moving, cancelling and outcomes.</summary>
public sealed class AppointmentsApiShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task BookAnOfferedTimeAndAnswerWithTheAppointmentAndItsAddress()
    {
        var api = await ApiBooking.CreateAsync(Host);
        var start = (await api.FreeStartsAsync())[3];

        var response = await api.BookAsync(start, "pat@patient.test", idempotencyKey: Guid.NewGuid().ToString());

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booked = JsonDocument.Parse(body).RootElement;
        var id = booked.GetProperty("id").GetGuid();
        Assert.Equal($"{api.Clinic.Api("/appointments")}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("confirmed", booked.GetProperty("status").GetString());
        Assert.Equal(api.Clinic.Doctor, booked.GetProperty("hostId").GetGuid());
        Assert.Equal(DateTimeOffset.Parse(start), booked.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(30, booked.GetProperty("durationMinutes").GetInt32());
        Assert.Equal("Europe/Paris", booked.GetProperty("patient").GetProperty("timeZone").GetString());
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));

        var stored = Assert.Single(await api.StoredAsync());
        Assert.Equal(id, stored.Id);
        Assert.Equal(DateTimeOffset.Parse(start), stored.StartUtc);

        var read = await api.Client.GetWithKeyAsync(api.Clinic.Api($"/appointments/{id}"), api.Key);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(body, await read.Content.ReadAsStringAsync());
        // The booked time is no longer offered.
        Assert.DoesNotContain(start, await api.FreeStartsAsync());
    }

    [Fact]
    public async Task BookOnceForAnIdempotencyKeyWhenTheRequestIsRetried()
    {
        var api = await ApiBooking.CreateAsync(Host);
        var start = (await api.FreeStartsAsync())[0];
        var key = Guid.NewGuid().ToString();

        var first = await api.BookOkAsync(start, "retry@patient.test", key);
        var again = await api.BookAsync(start, "retry@patient.test", key);
        var third = await api.BookAsync(start, "retry@patient.test", key);

        foreach (var retry in new[] { again, third })
        {
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
            Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(first.GetProperty("id").GetGuid(), JsonDocument.Parse(await retry.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid());
        }
        Assert.Single(await api.StoredAsync());

        // The same key for a different request is refused and books nothing.
        var other = await api.BookAsync((await api.FreeStartsAsync())[0], "retry@patient.test", key);
        var problem = await Problem.ReadAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("different booking request", problem.Detail);
        Assert.Single(await api.StoredAsync());

        // Without a key, a second identical request is a second booking attempt: the time is taken.
        var unkeyed = await api.BookAsync(start, "retry@patient.test");
        Assert.Equal(HttpStatusCode.Conflict, unkeyed.StatusCode);
    }

    [Fact]
    public async Task BookOnceWhenCopiesOfOneRequestRace()
    {
        var api = await ApiBooking.CreateAsync(Host);
        var start = (await api.FreeStartsAsync())[5];
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => api.BookAsync(start, "twin@patient.test", key)));

        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.All(answers.Zip(bodies), a => Assert.True(a.First.StatusCode == HttpStatusCode.Created, a.Second));
        Assert.Single(bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("id").GetGuid()).Distinct());
        Assert.Equal(19, answers.Count(a => a.Headers.Contains("Idempotent-Replayed")));
        Assert.Single(await api.StoredAsync());
    }

    [Fact]
    public async Task LetExactlyOneOfFiftyRacingBookingsOfOneTimeWin()
    {
        var api = await ApiBooking.CreateAsync(Host);
        var start = (await api.FreeStartsAsync())[7];

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            api.BookAsync(start, $"racer{i}@patient.test", idempotencyKey: Guid.NewGuid().ToString(), name: $"Racer {i}")));

        var codes = answers.Select(a => a.StatusCode).ToList();
        Assert.Equal(1, codes.Count(c => c == HttpStatusCode.Created));
        Assert.Equal(49, codes.Count(c => c == HttpStatusCode.Conflict));
        foreach (var lost in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict).Take(3))
        {
            Assert.Equal("Time taken", (await Problem.ReadAsync(lost, HttpStatusCode.Conflict)).Title);
        }
        var stored = Assert.Single(await api.StoredAsync());
        var winner = JsonDocument.Parse(await answers.Single(a => a.StatusCode == HttpStatusCode.Created).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(stored.Id, winner.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task RefuseBadBookingRequestsWithFieldErrorsAndBookNothing()
    {
        var api = await ApiBooking.CreateAsync(Host);
        var url = api.Clinic.Api("/appointments");

        var notJson = await api.Client.PostWithKeyAsync(url, api.Key, "{\"serviceId\": ");
        Assert.Equal("The body could not be read", (await Problem.ReadAsync(notJson, HttpStatusCode.BadRequest)).Title);

        var wrongType = await api.Client.PostWithKeyAsync(url, api.Key, """{ "serviceId": 42 }""");
        Assert.Contains("serviceId", (await Problem.ReadAsync(wrongType, HttpStatusCode.BadRequest)).Errors.Keys);

        var form = await api.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, url)
        {
            Headers = { Authorization = new("Bearer", api.Key) },
            Content = new FormUrlEncodedContent([new("serviceId", api.Clinic.Consultation.ToString())]),
        });
        await Problem.ReadAsync(form, HttpStatusCode.UnsupportedMediaType);

        var wrongMethod = await api.Client.SendWithKeyAsync(HttpMethod.Delete, $"{url}/{Guid.NewGuid()}", api.Key);
        Assert.Contains("not DELETE", (await Problem.ReadAsync(wrongMethod, HttpStatusCode.MethodNotAllowed)).Detail);
        Assert.Equal(["GET"], wrongMethod.Content.Headers.Allow);

        var empty = await api.Client.PostWithKeyAsync(url, api.Key, "{}");
        Assert.Equal(["patient", "serviceId", "start"], (await Problem.ReadAsync(empty, HttpStatusCode.BadRequest)).Errors.Keys.Order());

        var bad = await api.Client.PostWithKeyAsync(url, api.Key, $$"""
            { "serviceId": "{{api.Clinic.Consultation}}", "start": "next tuesday", "durationMinutes": 0,
              "patient": { "name": "", "email": "not-an-address", "phone": "call me", "timeZone": "Mars/Olympus" } }
            """);
        var problem = await Problem.ReadAsync(bad, HttpStatusCode.BadRequest);
        Assert.Equal(["durationMinutes", "patient.email", "patient.name", "patient.phone"], problem.Errors.Keys.Order());

        var badStart = await api.Client.PostWithKeyAsync(url, api.Key, ApiBooking.BookingJson(api.Clinic.Consultation, "2026-02-30T10:00:00Z", "p@patient.test"));
        Assert.Contains("2026-03-08T10:00:00+01:00", (await Problem.ReadAsync(badStart, HttpStatusCode.BadRequest)).Errors["start"].Single());

        var tooLong = await api.Client.PostWithKeyAsync(url, api.Key, ApiBooking.BookingJson(api.Clinic.Consultation, (await api.FreeStartsAsync())[0], "p@patient.test"),
            ("Idempotency-Key", new string('k', 256)));
        Assert.Contains("Idempotency-Key", (await Problem.ReadAsync(tooLong, HttpStatusCode.BadRequest)).Errors.Keys);

        var unknown = await api.Client.PostWithKeyAsync(url, api.Key, ApiBooking.BookingJson(Guid.NewGuid(), (await api.FreeStartsAsync())[0], "p@patient.test"));
        await Problem.ReadAsync(unknown, HttpStatusCode.NotFound);

        var past = await api.Client.PostWithKeyAsync(url, api.Key, ApiBooking.BookingJson(api.Clinic.Consultation, "2024-01-01T10:00:00Z", "p@patient.test"));
        Assert.Equal("Time has passed", (await Problem.ReadAsync(past, HttpStatusCode.UnprocessableEntity)).Title);

        var offGrid = await api.Client.PostWithKeyAsync(url, api.Key, ApiBooking.BookingJson(api.Clinic.Consultation,
            DateTimeOffset.Parse((await api.FreeStartsAsync())[0]).AddMinutes(7).ToString("yyyy-MM-dd'T'HH:mm:ssK"), "p@patient.test"));
        Assert.Equal("Time not offered", (await Problem.ReadAsync(offGrid, HttpStatusCode.UnprocessableEntity)).Title);

        Assert.Empty(await api.StoredAsync());
    }

    [Fact]
    public async Task ListAppointmentsInStartOrderAPageAtATimeWithFilters()
    {
        var api = await ApiBooking.CreateAsync(Host);
        var starts = (await api.FreeStartsAsync(days: 3)).Where((_, i) => i % 5 == 0).Take(7).ToList();
        var ids = new List<Guid>();
        foreach (var (start, i) in starts.Select((s, i) => (s, i)))
        {
            ids.Add((await api.BookOkAsync(start, i % 2 == 0 ? "even@patient.test" : "odd@patient.test")).GetProperty("id").GetGuid());
        }

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var response = await api.Client.GetWithKeyAsync(api.Clinic.Api($"/appointments?limit=3{(cursor is null ? "" : "&cursor=" + cursor)}"), api.Key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            seen.AddRange(page.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);
        Assert.Equal(ids, seen);
        Assert.Equal(3, pages);

        var evens = await ListAsync(api, "?patientEmail=EVEN@patient.test");
        Assert.Equal(ids.Where((_, i) => i % 2 == 0), evens);
        var window = await ListAsync(api, $"?from={Uri.EscapeDataString(starts[2])}&to={Uri.EscapeDataString(starts[5])}");
        Assert.Equal(ids.Skip(2).Take(3), window);
        Assert.Empty(await ListAsync(api, "?status=cancelled"));
        Assert.Equal(ids, await ListAsync(api, $"?status=confirmed&hostId={api.Clinic.Doctor}&serviceId={api.Clinic.Consultation}"));
        Assert.Empty(await ListAsync(api, $"?hostId={Guid.NewGuid()}"));

        var bad = await api.Client.GetWithKeyAsync(api.Clinic.Api("/appointments?status=lost&limit=1000&cursor=%%%&hostId=dr&from=yesterday"), api.Key);
        Assert.Equal(["cursor", "from", "hostId", "limit", "status"], (await Problem.ReadAsync(bad, HttpStatusCode.BadRequest)).Errors.Keys.Order());
    }

    [Fact]
    public async Task RescheduleCancelAndRecordOutcomesUnderTheStaffRules()
    {
        var api = await ApiBooking.CreateAsync(Host);
        var free = await api.FreeStartsAsync();
        var id = (await api.BookOkAsync(free[0], "move@patient.test")).GetProperty("id").GetGuid();

        var moved = await api.Client.PostWithKeyAsync(api.Clinic.Api($"/appointments/{id}/reschedule"), api.Key, $$"""{ "start": "{{free[4]}}" }""");
        var body = JsonDocument.Parse(await moved.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(DateTimeOffset.Parse(free[4]), body.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        Assert.Contains(free[0], await api.FreeStartsAsync());

        var same = await api.Client.PostWithKeyAsync(api.Clinic.Api($"/appointments/{id}/reschedule"), api.Key, $$"""{ "start": "{{free[4]}}" }""");
        await Problem.ReadAsync(same, HttpStatusCode.UnprocessableEntity);

        var early = await api.Client.PostWithKeyAsync(api.Clinic.Api($"/appointments/{id}/complete"), api.Key, null);
        Assert.Contains("once it has started", (await Problem.ReadAsync(early, HttpStatusCode.UnprocessableEntity)).Detail);

        var noReason = await api.Client.PostWithKeyAsync(api.Clinic.Api($"/appointments/{id}/cancel"), api.Key, "{}");
        Assert.Contains("reason", (await Problem.ReadAsync(noReason, HttpStatusCode.BadRequest)).Errors.Keys);

        var cancelled = await api.Client.PostWithKeyAsync(api.Clinic.Api($"/appointments/{id}/cancel"), api.Key, """{ "reason": "The doctor is unwell" }""");
        var after = JsonDocument.Parse(await cancelled.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", after.GetProperty("status").GetString());
        Assert.Equal("The doctor is unwell", after.GetProperty("cancellationReason").GetString());
        Assert.Equal("API key Everything", after.GetProperty("cancelledBy").GetString());
        Assert.Contains(free[4], await api.FreeStartsAsync());

        var twice = await api.Client.PostWithKeyAsync(api.Clinic.Api($"/appointments/{id}/cancel"), api.Key, """{ "reason": "Again" }""");
        Assert.True(twice.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Forbidden, $"{(int)twice.StatusCode}");
        Assert.Equal("application/problem+json", twice.Content.Headers.ContentType?.MediaType);

        // Once a visit has started it can be marked completed or no-show, once.
        var seen = (await api.BookOkAsync(free[8], "seen@patient.test")).GetProperty("id").GetGuid();
        var missed = (await api.BookOkAsync(free[12], "missed@patient.test")).GetProperty("id").GetGuid();
        foreach (var visit in new[] { seen, missed })
        {
            await api.ExecuteAsSuperuserAsync($"UPDATE booking_appointments SET start_utc = now() - interval '10 minutes', end_utc = now() + interval '20 minutes' WHERE id = '{visit}'");
        }
        var completed = await api.Client.PostWithKeyAsync(api.Clinic.Api($"/appointments/{seen}/complete"), api.Key, null);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal("completed", JsonDocument.Parse(await completed.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        var noShow = await api.Client.PostWithKeyAsync(api.Clinic.Api($"/appointments/{missed}/no-show"), api.Key, null);
        Assert.Equal(HttpStatusCode.OK, noShow.StatusCode);
        Assert.Equal("no-show", JsonDocument.Parse(await noShow.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        var changedMind = await api.Client.PostWithKeyAsync(api.Clinic.Api($"/appointments/{seen}/no-show"), api.Key, null);
        Assert.Contains("Only confirmed appointments", (await Problem.ReadAsync(changedMind, HttpStatusCode.UnprocessableEntity)).Detail);
    }

    [Fact]
    public async Task FindNoAppointmentOfAnotherClinic()
    {
        var mine = await ApiBooking.CreateAsync(Host);
        var theirs = await ApiBooking.CreateAsync(Host);
        var id = (await theirs.BookOkAsync((await theirs.FreeStartsAsync())[0], "theirs@patient.test")).GetProperty("id").GetGuid();

        await Problem.ReadAsync(await mine.Client.GetWithKeyAsync(mine.Clinic.Api($"/appointments/{id}"), mine.Key), HttpStatusCode.NotFound);
        await Problem.ReadAsync(await mine.Client.PostWithKeyAsync(mine.Clinic.Api($"/appointments/{id}/cancel"), mine.Key, """{ "reason": "x" }"""), HttpStatusCode.NotFound);
        await Problem.ReadAsync(await mine.Client.PostWithKeyAsync(mine.Clinic.Api($"/appointments/{id}/reschedule"), mine.Key,
            $$"""{ "start": "{{(await mine.FreeStartsAsync())[0]}}" }"""), HttpStatusCode.NotFound);
        Assert.Empty(await ListAsync(mine, ""));
        Assert.Equal("confirmed", Assert.Single(await theirs.StoredAsync()).Status);
        // Booking with their service's id in my clinic finds no such service.
        await Problem.ReadAsync(await mine.Client.PostWithKeyAsync(mine.Clinic.Api("/appointments"), mine.Key,
            ApiBooking.BookingJson(theirs.Clinic.Consultation, (await theirs.FreeStartsAsync())[1], "x@patient.test")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListTheClinicsPatientsOncePerAddressWithTheirLatestDetails()
    {
        var api = await ApiBooking.CreateAsync(Host);
        var free = await api.FreeStartsAsync();
        await api.BookOkAsync(free[0], "Ann@patient.test");
        await api.Client.PostWithKeyAsync(api.Clinic.Api("/appointments"), api.Key, ApiBooking.BookingJson(api.Clinic.Consultation, free[3], "ann@patient.test", "Ann Newname"));
        await api.BookOkAsync(free[6], "bob@patient.test");
        await api.BookOkAsync(free[9], "cy@patient.test");

        var first = JsonDocument.Parse(await (await api.Client.GetWithKeyAsync(api.Clinic.Api("/patients?limit=2"), api.Key)).Content.ReadAsStringAsync()).RootElement;
        var page = first.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["ann@patient.test", "bob@patient.test"], page.Select(p => p.GetProperty("email").GetString()));
        Assert.Equal("Ann Newname", page[0].GetProperty("name").GetString());
        Assert.Equal(2, page[0].GetProperty("appointments").GetInt32());
        var next = first.GetProperty("nextCursor").GetString();
        var second = JsonDocument.Parse(await (await api.Client.GetWithKeyAsync(api.Clinic.Api($"/patients?limit=2&cursor={next}"), api.Key)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["cy@patient.test"], second.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("email").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        var search = JsonDocument.Parse(await (await api.Client.GetWithKeyAsync(api.Clinic.Api("/patients?search=newname"), api.Key)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["ann@patient.test"], search.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("email").GetString()));
        var wildcard = JsonDocument.Parse(await (await api.Client.GetWithKeyAsync(api.Clinic.Api("/patients?search=%25"), api.Key)).Content.ReadAsStringAsync()).RootElement;
        Assert.Empty(wildcard.GetProperty("data").EnumerateArray());
    }

    private static async Task<List<Guid>> ListAsync(ApiBooking api, string query)
    {
        var response = await api.Client.GetWithKeyAsync(api.Clinic.Api($"/appointments{query}"), api.Key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data").EnumerateArray()
            .Select(a => a.GetProperty("id").GetGuid()).ToList();
    }
}
