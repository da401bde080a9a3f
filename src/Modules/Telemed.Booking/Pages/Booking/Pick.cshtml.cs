using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Availability;
using Telemed.Booking.Catalog;
using Telemed.Booking.Data;
using Telemed.Booking.Endpoints;
using Telemed.Booking.Models;
using Telemed.Booking.Services;
using Telemed.Core;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Pages.Booking;

/// <summary>
/// Step two: host, length and zone, then a month of free times with one day's times listed. The page works as plain
/// links without JavaScript; slot-picker.js enhances the same markup and reads further months from /booking/slots.
/// </summary>
[EnableRateLimiting(CoreStartup.PublicRateLimit)]
public sealed class PickModel(CatalogReader catalog, BookingCatalogs catalogs, TimeProvider clock, ManageLinks links, TenantContext tenantContext) : PageModel
{
    private ClinicCatalog _catalog = null!;
    private TimeZoneInfo _zone = null!;
    private IReadOnlyList<TimeChoice>? _times;
    /// <summary>Whether the month shown is held in memory, where its drawing may be kept with it.</summary>
    private bool _monthKept;

    [BindProperty(SupportsGet = true)] public Guid ServiceId { get; set; }
    /// <summary>A host's id or "any"; absent means any (nullable, so that a link without it is not a validation error).</summary>
    [BindProperty(SupportsGet = true)] public string? Host { get; set; }
    [BindProperty(SupportsGet = true)] public int? Duration { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tz { get; set; }

    /// <summary>The month to show, yyyy-MM.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    /// <summary>The day whose times are listed, yyyy-MM-dd.</summary>
    [BindProperty(SupportsGet = true)] public string? Day { get; set; }

    /// <summary>The first day of the week picker this page replaced; old links still open on that day.</summary>
    [BindProperty(SupportsGet = true)] public string? From { get; set; }

    /// <summary>A manage-link token when the patient is moving an existing appointment.</summary>
    [BindProperty(SupportsGet = true)] public string? Change { get; set; }

    public Service Service { get; private set; } = null!;
    public IReadOnlyList<HostProfile> Hosts { get; private set; } = [];
    public Appointment? Rescheduling { get; private set; }
    public SlotMonth Calendar { get; private set; } = null!;
    /// <summary>The chosen day's times as links; made only when the month is drawn.</summary>
    public IReadOnlyList<TimeChoice> Times => _times ??= Calendar.SelectedSlots.Select(ToChoice).ToList();
    public ZoneChoice Zone { get; private set; } = null!;
    public IReadOnlyList<ZoneChoice> Zones { get; private set; } = [];

    /// <summary>Whether the link named the zone (else the browser's own zone may replace the clinic's).</summary>
    public bool ZoneFromLink { get; private set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>The first and last days with bookable times, in the visitor's zone.</summary>
    public DateOnly Today { get; private set; }
    public DateOnly LastDay { get; private set; }

    public DateOnly? PreviousMonth => Calendar.Month > FirstOfMonth(Today) ? Calendar.Month.AddMonths(-1) : null;
    public DateOnly? NextMonth => Calendar.Month < FirstOfMonth(LastDay) ? Calendar.Month.AddMonths(1) : null;

    public async Task<IActionResult> OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        _catalog = await catalog.CurrentAsync(cancellationToken);
        var service = _catalog.FindService(ServiceId);
        if (service is null)
        {
            return NotFound();
        }
        Service = service;
        Hosts = _catalog.HostsOffering(service.Id);

        if (!string.IsNullOrEmpty(Change))
        {
            var id = links.ReadToken(Change);
            // Only a patient moving an appointment needs the module's context; the picker's other reads come from the catalog.
            var db = HttpContext.RequestServices.GetRequiredService<BookingDb>();
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
        var zone = _zone = ReadZone();
        var now = Now = clock.GetUtcNow();
        Today = DateOnly.FromDateTime(VisitorTime.InZone(now, zone).DateTime);
        LastDay = DateOnly.FromDateTime(VisitorTime.InZone(now.AddDays(service.HorizonDays), zone).DateTime);

        var wanted = ReadDay();
        var month = ReadMonth(wanted);
        Calendar = await LoadMonthAsync(month ?? FirstOfMonth(Today), wanted, zone, cancellationToken);
        if (month is null && !Calendar.HasTimes && NextMonth is { } next)
        {
            // Late in a month with nothing left, open on the next one rather than an empty grid.
            Calendar = await LoadMonthAsync(next, null, zone, cancellationToken);
        }
        var shownAt = Calendar.Selected is { } day ? VisitorTime.DaysToUtc(day, day, zone).From : now;
        Zone = ZoneChoices.For(zone, shownAt);
        Zones = ZoneChoices.All(shownAt);
        return Page();
    }

    /// <summary>This page with the current host, length, zone and change token, and one more parameter.</summary>
    public string PageHref(string name, string value)
    {
        var query = Rescheduling is null
            ? Query(("host", Host), ("duration", Duration?.ToString(CultureInfo.InvariantCulture)), ("tz", Tz), (name, value))
            : Query(("change", Change), ("tz", Tz), (name, value));
        return $"{Request.PathBase}{Request.Path}{query}";
    }

    /// <summary>
    /// The month grid and the day's times. A plain request (no change token, nothing in the link set aside) for a kept
    /// month reuses the HTML the month was first drawn as, for the same links: most of this page is those links.
    /// </summary>
    public async Task<IHtmlContent> DrawMonthAsync(IHtmlHelper html, HtmlEncoder encoder)
    {
        if (!_monthKept || Rescheduling is not null || ModelState.ErrorCount > 0)
        {
            return await html.PartialAsync("_PickerMonth", this);
        }
        var links = new MonthLinks(Request.PathBase, Request.Path, Tz!, LastDay);
        if (Calendar.Drawing is { } drawing && drawing.Links == links)
        {
            return drawing.Html;
        }
        using var writer = new StringWriter();
        (await html.PartialAsync("_PickerMonth", this)).WriteTo(writer, encoder);
        var drawn = new HtmlString(writer.ToString());
        Calendar.Drawing = new MonthDrawing(links, drawn);
        return drawn;
    }

    private TimeChoice ToChoice(HostSlot slot)
    {
        var start = VisitorTime.ToIso8601(slot.Slot.Start, _zone);
        var href = Rescheduling is null
            ? $"{Request.PathBase}/book/{Service.Id}/details" + Query(
                ("host", Host == "any" ? "any" : slot.Host.Id.ToString()), ("start", start),
                ("duration", Duration?.ToString(CultureInfo.InvariantCulture)), ("tz", Tz))
            : $"{Request.PathBase}/book/manage/{Uri.EscapeDataString(Change!)}/reschedule" + Query(("start", start), ("tz", Tz));
        return new TimeChoice(start, start[11..16], Host == "any" ? null : slot.Host.DisplayName,
            Service.IsGroup ? slot.Slot.SeatsLeft : null, href);
    }

    /// <summary>The month's grid and the chosen day's slots: from memory like the free-times answer (see <see cref="SlotSearch"/>).</summary>
    private async Task<SlotMonth> LoadMonthAsync(DateOnly month, DateOnly? wanted, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        _monthKept = false;
        var trusted = catalogs.Trusted;
        var memory = catalogs.For(tenantContext.Required.Id);
        var key = new MonthKey(Service.Id, Host ?? "any", Duration!.Value, zone.Id, month, wanted, Today);
        if (trusted && memory.Months.TryGet(key, Now, out var known))
        {
            _monthKept = true;
            return known;
        }
        var hosts = Host == "any" ? Hosts : Hosts.Where(h => h.Id.ToString() == Host).ToList();
        var range = VisitorTime.DaysToUtc(month, month.AddMonths(1).AddDays(-1), zone);
        var holds = await catalog.HoldsAsync(hosts, range, cancellationToken);
        var slots = SlotFinder.Find(Service, hosts, _catalog.ScheduleOf, Duration.Value, range, holds, Now);
        var built = SlotMonth.Build(month, slots, Host == "any", zone, Today, wanted);
        if (trusted && SlotFinder.UnchangedUntil(slots, Service.RulesFor(Duration.Value), range, Now) is { } until)
        {
            memory.Months.Keep(key, built, until);
            _monthKept = true;
        }
        return built;
    }

    private static QueryString Query(params (string Name, string? Value)[] pairs) =>
        QueryString.Create(pairs.Select(pair => new KeyValuePair<string, string?>(pair.Name, pair.Value)));

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    private static string Long(DateOnly day) => day.ToString("d MMMM yyyy", CalendarDay.English);

    // A link with a length, zone, month or day that does not make sense still shows the picker: with the service's
    // shortest length, the clinic's zone or the first month with times, and a note beside the field.

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

    private TimeZoneInfo ReadZone()
    {
        if (VisitorZones.TryFind(Tz, out var zone))
        {
            Tz = zone.Id;
            ZoneFromLink = true;
            return zone;
        }
        if (!string.IsNullOrEmpty(Tz))
        {
            ModelState.AddModelError(nameof(Tz), $"The time zone in the link is not known; times are shown in {tenantContext.Required.TimeZone}. Choose yours from the list.");
        }
        Tz = tenantContext.Required.TimeZone;
        VisitorZones.TryFind(Tz, out zone);
        return zone;
    }

    /// <summary>The day asked for (or the old picker's first day), when it is a real day within the booking window.</summary>
    private DateOnly? ReadDay()
    {
        var (field, text) = string.IsNullOrEmpty(Day) ? (nameof(From), From) : (nameof(Day), Day);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (!TimeInput.TryReadDay(text, out var day))
        {
            ModelState.AddModelError(field, field == nameof(From)
                ? $"The first day in the link is not valid; times are shown from today. {TimeInput.DayMessage}"
                : $"The day in the link is not valid; showing the first day with free times. {TimeInput.DayMessage}");
            return null;
        }
        if (day < Today || day > LastDay)
        {
            ModelState.AddModelError(field, $"Times can be booked from {Long(Today)} to {Long(LastDay)}; showing the first day with free times.");
            return null;
        }
        return day;
    }

    private DateOnly? ReadMonth(DateOnly? wanted)
    {
        if (wanted is { } day)
        {
            return FirstOfMonth(day);
        }
        if (string.IsNullOrEmpty(Month))
        {
            return null;
        }
        if (!TimeInput.TryReadMonth(Month, out var month))
        {
            ModelState.AddModelError(nameof(Month), $"The month in the link is not valid; showing the first month with free times. {TimeInput.MonthMessage}");
            return null;
        }
        if (month < FirstOfMonth(Today) || month > FirstOfMonth(LastDay))
        {
            ModelState.AddModelError(nameof(Month), $"Times can be booked from {Long(Today)} to {Long(LastDay)}; showing the first month with free times.");
            return null;
        }
        return month;
    }
}
