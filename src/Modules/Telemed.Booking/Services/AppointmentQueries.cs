using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Availability;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Services;

/// <summary>An appointment with the names pages show beside it.</summary>
public sealed record AppointmentRow(Appointment Appointment, Service Service, HostProfile Host);

/// <summary>The staff list's filters; <see cref="When"/> is today, upcoming, past or all.</summary>
public sealed record AppointmentFilter(Guid? HostId = null, string? Status = null, string? Search = null, string When = AppointmentFilter.Upcoming)
{
    public const string Today = "today";
    public const string Upcoming = "upcoming";
    public const string Past = "past";
    public const string All = "all";

    public static readonly IReadOnlyList<string> Periods = [Today, Upcoming, Past, All];
}

/// <summary>The REST API's list filters; every one optional. <see cref="FromUtc"/> and <see cref="ToUtc"/> bound the start.</summary>
public sealed record AppointmentSearch(string? Status, Guid? HostId, Guid? ServiceId, string? PatientEmail, DateTimeOffset? FromUtc, DateTimeOffset? ToUtc);

/// <summary>Reads appointments for the dashboard, the portal and the detail pages.</summary>
public sealed class AppointmentQueries(BookingDb db, TimeProvider clock, TenantContext tenantContext)
{
    public const int PageSize = 200;

    public async Task<AppointmentRow?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await LoadAsync(db.Appointments.Where(a => a.Id == id), false, cancellationToken)).FirstOrDefault();

    /// <summary>Appointments for staff; <paramref name="onlyHost"/> limits a host to their own.</summary>
    public async Task<IReadOnlyList<AppointmentRow>> ListForStaffAsync(AppointmentFilter filter, Guid? onlyHost, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query = db.Appointments.AsQueryable();
        if (onlyHost is { } own)
        {
            query = query.Where(a => a.HostId == own);
        }
        if (filter.HostId is { } host)
        {
            query = query.Where(a => a.HostId == host);
        }
        if (!string.IsNullOrEmpty(filter.Status) && AppointmentStatus.All.Contains(filter.Status))
        {
            query = query.Where(a => a.Status == filter.Status);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = "%" + filter.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(a => EF.Functions.ILike(a.PatientName, pattern) || EF.Functions.ILike(a.PatientEmail, pattern)
                || (a.PatientPhone != null && EF.Functions.ILike(a.PatientPhone, pattern)));
        }

        switch (filter.When)
        {
            case AppointmentFilter.Today:
                var today = ClinicToday();
                return await LoadAsync(query.Where(a => a.StartUtc >= today.From && a.StartUtc < today.To), false, cancellationToken);
            case AppointmentFilter.Past:
                return await LoadAsync(query.Where(a => a.EndUtc <= now), true, cancellationToken);
            case AppointmentFilter.All:
                return await LoadAsync(query, true, cancellationToken);
            default:
                return await LoadAsync(query.Where(a => a.EndUtc > now), false, cancellationToken);
        }
    }

    /// <summary>A patient's appointments: those booked while signed in, and those booked with their e-mail.</summary>
    public async Task<IReadOnlyList<AppointmentRow>> ListForPatientAsync(Guid userId, string? email, CancellationToken cancellationToken)
    {
        var normalized = (email ?? "").Trim().ToLowerInvariant();
        var query = db.Appointments
            .Where(a => a.PatientUserId == userId || (normalized != "" && a.PatientEmail.ToLower() == normalized));
        return await LoadAsync(query, false, cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="take"/> appointments matching <paramref name="search"/> in start order after
    /// <paramref name="after"/> (keyset paging on start and id: a page never repeats or skips one as others are booked).
    /// </summary>
    public async Task<IReadOnlyList<AppointmentRow>> PageAsync(AppointmentSearch search, Endpoints.AppointmentCursor? after, int take,
        CancellationToken cancellationToken)
    {
        var query = db.Appointments.AsNoTracking();
        if (search.Status is { } status) { query = query.Where(a => a.Status == status); }
        if (search.HostId is { } hostId) { query = query.Where(a => a.HostId == hostId); }
        if (search.ServiceId is { } serviceId) { query = query.Where(a => a.ServiceId == serviceId); }
        if (search.PatientEmail is { Length: > 0 } email)
        {
            var normalized = email.ToLowerInvariant();
            query = query.Where(a => a.PatientEmail.ToLower() == normalized);
        }
        if (search.FromUtc is { } from) { query = query.Where(a => a.StartUtc >= from); }
        if (search.ToUtc is { } to) { query = query.Where(a => a.StartUtc < to); }
        if (after is { } cursor)
        {
            query = query.Where(a => EF.Functions.GreaterThan(ValueTuple.Create(a.StartUtc, a.Id), ValueTuple.Create(cursor.StartUtc, cursor.Id)));
        }
        var rows = await (from appointment in query
                          join service in db.Services.AsNoTracking() on appointment.ServiceId equals service.Id
                          join host in db.Hosts.AsNoTracking() on appointment.HostId equals host.Id
                          orderby appointment.StartUtc, appointment.Id
                          select new { appointment, service, host }).Take(take).ToListAsync(cancellationToken);
        return rows.Select(r => new AppointmentRow(r.appointment, r.service, r.host)).ToList();
    }

    /// <summary>The clinic's current local day as instants.</summary>
    public UtcRange ClinicToday()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(tenantContext.Required.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        return VisitorTime.DaysToUtc(today, today, zone);
    }

    private async Task<IReadOnlyList<AppointmentRow>> LoadAsync(IQueryable<Appointment> appointments, bool latestFirst, CancellationToken cancellationToken)
    {
        var joined = from appointment in appointments.AsNoTracking()
                     join service in db.Services.AsNoTracking() on appointment.ServiceId equals service.Id
                     join host in db.Hosts.AsNoTracking() on appointment.HostId equals host.Id
                     select new { appointment, service, host };
        joined = latestFirst ? joined.OrderByDescending(r => r.appointment.StartUtc) : joined.OrderBy(r => r.appointment.StartUtc);
        var rows = await joined.Take(PageSize).ToListAsync(cancellationToken);
        return rows.Select(r => new AppointmentRow(r.appointment, r.service, r.host)).ToList();
    }
}
