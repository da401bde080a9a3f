using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Data;
using Telemed.Core.Api;

namespace Telemed.Api.IntegrationTests;

/// <summary>A clinic with a key holding every scope, and the calls the appointment tests make with it.</summary>
public sealed class ApiBooking(TestHost host, ApiClinic clinic, string key)
{
    public ApiClinic Clinic => clinic;
    public string Key => key;
    public HttpClient Client { get; } = host.CreateClient();

    public static async Task<ApiBooking> CreateAsync(TestHost host)
    {
        var clinic = await ApiClinic.CreateAsync(host);
        var key = await (await AdminKeys.SignInAsync(host, clinic)).CreateAsync("Everything", [.. ApiScopes.All]);
        return new ApiBooking(host, clinic, key);
    }

    /// <summary>Free starts of the consultation from the day after tomorrow, as /availability gives them.</summary>
    public async Task<IReadOnlyList<string>> FreeStartsAsync(int days = 2)
    {
        var from = DateTime.UtcNow.AddDays(2);
        var response = await Client.GetWithKeyAsync(clinic.Api(
            $"/availability?service={clinic.Consultation}&from={from:yyyy-MM-dd}&to={from.AddDays(days - 1):yyyy-MM-dd}&tz=UTC&duration=30"), key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetString()!).ToList();
    }

    public static string BookingJson(Guid service, string start, string email, string name = "Pat Api", Guid? host = null, string? extra = null) =>
        new JsonObject
        {
            ["serviceId"] = service,
            ["hostId"] = host,
            ["start"] = start,
            ["durationMinutes"] = 30,
            ["patient"] = new JsonObject { ["name"] = name, ["email"] = email, ["timeZone"] = "Europe/Paris" },
            ["notes"] = extra,
        }.ToJsonString();

    public Task<HttpResponseMessage> BookAsync(string start, string email, string? idempotencyKey = null, string name = "Pat Api") =>
        Client.PostWithKeyAsync(clinic.Api("/appointments"), key, BookingJson(clinic.Consultation, start, email, name),
            idempotencyKey is null ? [] : [("Idempotency-Key", idempotencyKey)]);

    public async Task<JsonElement> BookOkAsync(string start, string email, string? idempotencyKey = null)
    {
        var response = await BookAsync(start, email, idempotencyKey);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Booking answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Changes rows as the database's owner would (a visit that has started, say), outside any clinic.</summary>
    public async Task ExecuteAsSuperuserAsync(string sql)
    {
        await using var superuser = await TestPostgres.OpenSuperuserAsync(host.OwnerConnectionString);
        await using var command = new Npgsql.NpgsqlCommand(sql, superuser);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>The clinic's appointments as the database holds them (read in the clinic, under its row-level security).</summary>
    public Task<List<Booking.Models.Appointment>> StoredAsync() =>
        host.InTenantAsync(clinic.Tenant, services => services.GetRequiredService<BookingDb>().Appointments.AsNoTracking().ToListAsync());
}
