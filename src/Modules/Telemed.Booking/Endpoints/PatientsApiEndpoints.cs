using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Data;
using Telemed.Core.Api;

namespace Telemed.Booking.Endpoints;

/// <summary>
/// A patient of the clinic: everyone who booked with one e-mail address (patients book without an account), with the
/// details they gave last and when they were seen. Their appointments: <c>/appointments?patientEmail=</c>.
/// </summary>
public sealed record ApiPatientSummary(string Email, string Name, string? Phone, string? TimeZone, int Appointments,
    DateTimeOffset FirstAppointmentStart, DateTimeOffset LastAppointmentStart);

/// <summary>The clinic's patients over the REST API (manage scope: they are personal data).</summary>
public static class PatientsApiEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ApiRoutes.Prefix + "/patients", ListAsync).WithTags("Patients")
            .RequireAuthorization(ApiScopes.Policies.Manage)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, BookingApiExamples.Patients)
            .WithName("ApiListPatients")
            .WithSummary("The clinic's patients by e-mail address, optionally those whose name or e-mail contains a text, a page at a time");
    }

    public static async Task<Results<Ok<ApiPage<ApiPatientSummary>>, ValidationProblem>> ListAsync(
        string? search, string? limit, string? cursor, BookingDb db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var size = ApiPaging.ReadLimit(limit, errors);
        if (search?.Length > 254)
        {
            errors["search"] = ["Search for at most 254 characters."];
        }
        string after = "";
        if (cursor is not null && (!ApiPaging.TryDecode(cursor, out after) || after.Length > 254))
        {
            errors["cursor"] = [ApiPaging.CursorMessage];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var pattern = string.IsNullOrWhiteSpace(search)
            ? "%"
            : "%" + search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        // One row per address: counts and first/last start from all of its appointments, the details from the newest booking.
        var rows = await db.Database.SqlQuery<PatientRow>($"""
            SELECT g.email AS "Email", latest.patient_name AS "Name", latest.patient_phone AS "Phone", latest.patient_time_zone AS "TimeZone",
                   g.appointments AS "Appointments", g.first_start AS "FirstStart", g.last_start AS "LastStart"
            FROM (SELECT lower(patient_email) AS email, count(*)::int AS appointments, min(start_utc) AS first_start, max(start_utc) AS last_start
                  FROM booking_appointments
                  WHERE lower(patient_email) > {after} AND (patient_name ILIKE {pattern} OR patient_email ILIKE {pattern})
                  GROUP BY lower(patient_email)
                  ORDER BY lower(patient_email)
                  LIMIT {size + 1}) g
            CROSS JOIN LATERAL (SELECT patient_name, patient_phone, patient_time_zone FROM booking_appointments a
                                WHERE lower(a.patient_email) = g.email ORDER BY a.created_at DESC LIMIT 1) latest
            ORDER BY g.email
            """).ToListAsync(cancellationToken);
        var next = rows.Count > size ? ApiPaging.Encode(rows[size - 1].Email) : null;
        return TypedResults.Ok(new ApiPage<ApiPatientSummary>(rows.Take(size)
            .Select(r => new ApiPatientSummary(r.Email, r.Name, r.Phone, r.TimeZone, r.Appointments, r.FirstStart.ToUniversalTime(), r.LastStart.ToUniversalTime()))
            .ToList(), next));
    }

    private sealed record PatientRow(string Email, string Name, string? Phone, string? TimeZone, int Appointments, DateTimeOffset FirstStart, DateTimeOffset LastStart);
}
