using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Booking.Availability;
using Telemed.Booking.Services;
using Telemed.Core.Clinic;

namespace Telemed.Booking.Pages.Booking;

/// <summary>One day of the plain week list shown without JavaScript.</summary>
public sealed record StaffCalendarDay(DateOnly Date, string Heading, IReadOnlyList<CalendarEntry> Entries);

/// <summary>
/// The staff calendar. FullCalendar draws day, week and month views from <c>/admin/calendar/events</c>; without
/// JavaScript the page is a day-by-day list of the week. Dropping an appointment on another time posts to
/// <see cref="OnPostMoveAsync"/>, which goes through the same checks as the reschedule page.
/// </summary>
[Authorize(Policy = BookingPermissions.Names.ManageAppointments)]
public sealed class AdminCalendarModel(StaffCalendar calendar, StaffContext staff, AppointmentQueries appointments, BookingService booking, TimeProvider clock)
    : PageModel
{
    public static readonly IReadOnlyList<string> Views = ["timeGridDay", "timeGridWeek", "dayGridMonth"];

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [BindProperty(SupportsGet = true)] public Guid? Host { get; set; }

    /// <summary>A day of the week to show, yyyy-MM-dd in the viewer's zone; today when missing.</summary>
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }

    [BindProperty(SupportsGet = true)] public string? View { get; set; }

    public CalendarScope Scope { get; private set; } = null!;
    public DateOnly WeekStart { get; private set; }
    public IReadOnlyList<StaffCalendarDay> Week { get; private set; } = [];
    public bool Truncated { get; private set; }
    public string ZoneAbbreviation { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await calendar.ScopeAsync(Host, cancellationToken) is not { } scope)
        {
            return NotFound();
        }
        Scope = scope;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), scope.Zone).DateTime);
        var readable = TimeInput.TryReadDay(Date, out var asked);
        var day = readable ? asked : today;
        if (!readable && !string.IsNullOrEmpty(Date))
        {
            ModelState.AddModelError(nameof(Date), $"This is not a date we can show; here is this week. {TimeInput.DayMessage}");
        }
        View = View is not null && Views.Contains(View) ? View : null;
        WeekStart = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        if (WeekStart < TimeInput.FirstDay || WeekStart.AddDays(6) > TimeInput.LastDay)
        {
            WeekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        }
        Date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var range = VisitorTime.DaysToUtc(WeekStart, WeekStart.AddDays(6), scope.Zone);
        ZoneAbbreviation = ZoneAbbreviations.For(scope.Zone, range.From);
        var (entries, truncated) = await calendar.EntriesAsync(scope, range, cancellationToken);
        Truncated = truncated;
        var byDay = entries.ToLookup(e => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.Row.Appointment.StartUtc, scope.Zone).DateTime));
        Week = Enumerable.Range(0, 7)
            .Select(offset => WeekStart.AddDays(offset))
            .Select(d => new StaffCalendarDay(d, d.ToString("dddd d MMMM", English), byDay[d].ToList()))
            .ToList();
        return Page();
    }

    /// <summary>
    /// A dropped appointment: <paramref name="start"/> is the new wall-clock time in the viewer's zone. Answers JSON with a
    /// message; a refusal (taken, outside hours, started) has the same words and status as the reschedule page.
    /// </summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid id, string? start)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var row = await appointments.FindAsync(id, cancellationToken);
        if (row is null || !await staff.MayManageAsync(row.Appointment, cancellationToken))
        {
            return Answer(StatusCodes.Status404NotFound, "This appointment is not in your calendar.");
        }
        var zone = await staff.ViewerZoneAsync(cancellationToken);
        if (!TimeInput.TryReadLocal(start, zone, out var newStart))
        {
            return Answer(StatusCodes.Status400BadRequest, "This time does not exist in your time zone. Choose another time.");
        }
        var result = await booking.RescheduleAsync(id, newStart, staff.DisplayName, enforceNotice: false, cancellationToken);
        return result.Succeeded
            ? Answer(StatusCodes.Status200OK,
                $"{row.Appointment.PatientName}'s appointment moved to {TimeText.Range(result.Appointment!.StartUtc, result.Appointment.EndUtc, zone.Id)}. The patient will be told.")
            : Answer(result.StatusCode, result.Message);
    }

    public string WeekUrl(DateOnly day) => CalendarUrl(day, View);

    /// <summary>This page's address with the filter kept.</summary>
    public string CalendarUrl(DateOnly day, string? view) =>
        $"{Request.PathBase}/admin/calendar?date={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
        + (Host is { } host ? $"&host={host}" : "") + (view is null ? "" : $"&view={view}");

    private JsonResult Answer(int status, string message) => new(new { message }) { StatusCode = status };
}
