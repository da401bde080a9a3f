using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Booking.Services;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Pages.Booking;

/// <summary>
/// Staff book for a patient: service, host and length, one of the host's free times, then the patient. The booking
/// takes the public site's path (<see cref="BookingService"/>), so the database's no-overlap rule, the meeting and the
/// patient's confirmation follow as for any booking; staff may book inside the service's minimum notice.
/// </summary>
[Authorize(Policy = BookingPermissions.Names.ManageAppointments)]
public sealed class AdminBookForPatientModel(BookingDb db, StaffContext staff, StaffFreeTimes freeTimes, BookingService booking, TenantContext tenantContext)
    : PageModel
{
    [BindProperty(SupportsGet = true, Name = "service")] public Guid? ServiceId { get; set; }
    [BindProperty(SupportsGet = true, Name = "host")] public Guid? HostId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Duration { get; set; }
    [BindProperty(SupportsGet = true)] public string? Day { get; set; }

    /// <summary>A wall-clock time in the staff member's zone to preselect (a click on the calendar).</summary>
    [BindProperty(SupportsGet = true)] public string? At { get; set; }

    [BindProperty] public string? Start { get; set; }
    [BindProperty] public StaffPatientInput Input { get; set; } = new();

    public IReadOnlyList<Service> Services { get; private set; } = [];
    public IReadOnlyList<HostProfile> Hosts { get; private set; } = [];
    public Service? ChosenService { get; private set; }
    public HostProfile? ChosenHost { get; private set; }
    public FreeTimesView? Times { get; private set; }
    public string? Refusal { get; private set; }
    public string? Note { get; private set; }
    public bool IsAdmin => staff.IsAdmin;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ChooseAsync() is { } problem)
        {
            return problem;
        }
        Input.TimeZone ??= tenantContext.Required.TimeZone;
        await ShowTimesAsync(selectedFromCalendar: true, startError: null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await ChooseAsync() is { } problem)
        {
            return problem;
        }
        if (!string.IsNullOrEmpty(Input.TimeZone) && !VisitorZones.TryFind(Input.TimeZone, out _))
        {
            ModelState.AddModelError("Input.TimeZone", "Choose a time zone from the list.");
        }
        var hasStart = TimeInput.TryReadInstant(Start, out var start);
        if (ChosenService is null || ChosenHost is null || !hasStart || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await ShowTimesAsync(selectedFromCalendar: false, startError: hasStart ? null : "Choose one of the free times.");
            return Page();
        }

        var patient = new PatientInfo(Input.Name!, Input.Email!, Input.Phone, Input.TimeZone, Input.Notes, null);
        var result = await booking.BookAsync(new BookingRequest(ChosenService.Id, ChosenHost.Id, start, Duration!.Value, patient, ByStaff: true),
            HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            var booked = result.Appointment!;
            TempData["Status"] = $"Booked {booked.PatientName} with {ChosenHost.DisplayName} on {TimeText.Range(booked.StartUtc, booked.EndUtc, ChosenHost.TimeZone)} ({ChosenHost.TimeZone}). The patient gets the confirmation.";
            return Redirect($"{Request.PathBase}/admin/appointments/{booked.Id}");
        }
        if (result.Failure == BookingFailure.NotFound)
        {
            return NotFound();
        }
        Refusal = result.Message;
        Response.StatusCode = result.StatusCode;
        await ShowTimesAsync(selectedFromCalendar: false, startError: null);
        return Page();
    }

    public bool HasError(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    /// <summary>
    /// Reads service, host and length: a service or host that is not this clinic's, or a colleague for a doctor,
    /// is not found; a host who does not offer the service, or a length it does not have, gets a note beside the field.
    /// </summary>
    private async Task<IActionResult?> ChooseAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var inReach = (await staff.HostsInReachAsync(cancellationToken)).Where(h => h.Active).ToList();
        if (HostId is { } askedHost && inReach.All(h => h.Id != askedHost))
        {
            return NotFound();
        }
        var reachIds = inReach.Select(h => h.Id).ToList();
        var offers = await db.ServiceHosts.AsNoTracking().Where(l => reachIds.Contains(l.HostId)).ToListAsync(cancellationToken);
        var offeredIds = offers.Select(l => l.ServiceId).ToHashSet();
        Services = (await db.Services.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Name).ToListAsync(cancellationToken))
            .Where(s => offeredIds.Contains(s.Id)).ToList();
        if (ServiceId is { } askedService && Services.All(s => s.Id != askedService))
        {
            return NotFound();
        }

        ChosenService = Services.FirstOrDefault(s => s.Id == ServiceId)
            ?? Services.FirstOrDefault(s => HostId is null || offers.Any(l => l.HostId == HostId && l.ServiceId == s.Id));
        if (ChosenService is not { } service)
        {
            return null;
        }
        ServiceId = service.Id;
        Hosts = inReach.Where(h => offers.Any(l => l.HostId == h.Id && l.ServiceId == service.Id)).ToList();
        ChosenHost = Hosts.FirstOrDefault(h => h.Id == HostId) ?? Hosts.FirstOrDefault();
        if (HostId is not null && ChosenHost?.Id != HostId)
        {
            ModelState.AddModelError("host", $"{inReach.First(h => h.Id == HostId).DisplayName} does not offer {service.Name}; showing {ChosenHost?.DisplayName}.");
        }
        HostId = ChosenHost?.Id;

        // A length carried over from another service in the form is simply replaced; only a posted booking is refused.
        if (Duration is { } minutes && !service.Offers(minutes) && HttpMethods.IsPost(Request.Method))
        {
            ModelState.AddModelError(nameof(Duration), $"{service.Name} is offered for {string.Join(", ", service.Durations)} minutes; showing {service.Durations.Min()}.");
        }
        Duration = Duration is { } length && service.Offers(length) ? length : service.Durations.Min();
        return null;
    }

    private async Task ShowTimesAsync(bool selectedFromCalendar, string? startError)
    {
        if (ChosenService is null || ChosenHost is null)
        {
            return;
        }
        var zone = await staff.ViewerZoneAsync(HttpContext.RequestAborted);
        DateTimeOffset? selected = null;
        if (selectedFromCalendar && !string.IsNullOrEmpty(At))
        {
            selected = TimeInput.TryReadLocal(At, zone, out var at) ? at : null;
        }
        else if (TimeInput.TryReadInstant(Start, out var posted))
        {
            selected = posted;
        }
        DateOnly? asked = TimeInput.TryReadDay(Day, out var day) ? day : selected is { } s ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s, zone).DateTime) : null;
        var first = freeTimes.FirstDay(asked, zone);
        Day = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var week = await freeTimes.WeekAsync(ChosenService, ChosenHost, Duration!.Value, first, zone, HttpContext.RequestAborted);
        if (selectedFromCalendar && selected is { } wanted && !week.Days.SelectMany(d => d.Times).Any(t => t.Start == wanted))
        {
            Note = $"{TimeText.Clock(wanted, zone.Id)} on {TimeText.Day(wanted, zone.Id)} is not a free time for {ChosenHost.DisplayName}: choose one of the free times below.";
        }
        var earlier = first > freeTimes.Today(zone) ? WeekUrl(first.AddDays(-StaffFreeTimes.DaysShown)) : null;
        Times = new FreeTimesView(week, nameof(Start), selected, earlier, WeekUrl(first.AddDays(StaffFreeTimes.DaysShown)), startError);
    }

    private string WeekUrl(DateOnly first) =>
        $"{Request.PathBase}/admin/appointments/new?service={ServiceId}&host={HostId}&duration={Duration}&day={first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
