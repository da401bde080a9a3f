using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Booking.Services;
using Telemed.Core;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Pages.Booking;

/// <summary>Step two: host, length and zone, then the slot picker (which reads /booking/slots).</summary>
[EnableRateLimiting(CoreStartup.PublicRateLimit)]
public sealed class PickModel(BookingDb db, SlotFinder finder, ManageLinks links, TenantContext tenantContext) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ServiceId { get; set; }
    [BindProperty(SupportsGet = true)] public string Host { get; set; } = "any";
    [BindProperty(SupportsGet = true)] public int? Duration { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tz { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }

    /// <summary>A manage-link token when the patient is moving an existing appointment.</summary>
    [BindProperty(SupportsGet = true)] public string? Change { get; set; }

    public Service Service { get; private set; } = null!;
    public IReadOnlyList<HostProfile> Hosts { get; private set; } = [];
    public Appointment? Rescheduling { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == ServiceId && s.Active, cancellationToken);
        if (service is null)
        {
            return NotFound();
        }
        Service = service;
        Hosts = await finder.HostsOfferingAsync(service.Id, null, cancellationToken);

        if (!string.IsNullOrEmpty(Change))
        {
            var id = links.ReadToken(Change);
            Rescheduling = id is null ? null : await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.ServiceId == service.Id, cancellationToken);
            if (Rescheduling is null)
            {
                return NotFound();
            }
            Host = Rescheduling.HostId.ToString();
            Duration = Rescheduling.DurationMinutes;
            Tz ??= Rescheduling.PatientTimeZone;
        }

        if (Host != "any" && !Hosts.Any(h => h.Id.ToString() == Host))
        {
            Host = "any";
        }
        ReadDuration(service);
        ReadZone();
        ReadFrom();
        return Page();
    }

    // A link with a length, zone or week that does not make sense still shows the picker: with the
    // service's shortest length, the clinic's zone or this week, and a note beside the field.

    private void ReadDuration(Service service)
    {
        var asked = Duration;
        Duration = Duration is { } minutes && service.Offers(minutes) ? minutes : service.Durations.Min();
        if (Rescheduling is null && (ModelState.ContainsKey(nameof(Duration)) || (asked is not null && asked != Duration)))
        {
            ModelState.Remove(nameof(Duration));
            ModelState.AddModelError(nameof(Duration), $"{service.Name} is offered for {string.Join(", ", service.Durations)} minutes; showing {Duration}.");
        }
    }

    private void ReadZone()
    {
        if (VisitorZones.TryFind(Tz, out var zone))
        {
            Tz = zone.Id;
            return;
        }
        if (!string.IsNullOrEmpty(Tz))
        {
            ModelState.AddModelError(nameof(Tz), $"The time zone in the link is not known; times are shown in {tenantContext.Required.TimeZone}. Choose yours from the list.");
        }
        Tz = tenantContext.Required.TimeZone;
    }

    private void ReadFrom()
    {
        if (string.IsNullOrEmpty(From))
        {
            From = null;
        }
        else if (TimeInput.TryReadDay(From, out var from))
        {
            From = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else
        {
            ModelState.AddModelError(nameof(From), $"The first day in the link is not valid; times are shown from today. {TimeInput.DayMessage}");
            From = null;
        }
    }
}
