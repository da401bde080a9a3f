using Telemed.Booking.Availability;
using Telemed.Core.Clinic;
using Telemed.Core.Data;

namespace Telemed.Booking.Models;

/// <summary>A doctor or staff member whose time patients book, with their weekly hours and time away.</summary>
public sealed class HostProfile : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }

    /// <summary>The user who signs in as this host (may edit their own schedule).</summary>
    public Guid? UserId { get; set; }

    public string DisplayName { get; set; } = "";
    public string? Bio { get; set; }

    /// <summary>IANA zone the weekly hours are written in.</summary>
    public string TimeZone { get; set; } = "UTC";

    public HostAvailability Availability { get; set; } = HostAvailability.Empty;
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public HostSchedule ToSchedule() => Availability.ToSchedule(Zone);

    public HostSummary ToSummary() => new(Id, UserId, DisplayName, TimeZone);
}
