using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Booking.Services;
using Telemed.Core;

namespace Telemed.Booking.Pages.Booking;

/// <summary>Step three: the patient's details, then the booking itself.</summary>
[EnableRateLimiting(CoreStartup.PublicRateLimit)]
public sealed class DetailsModel(BookingDb db, SlotFinder finder, BookingService booking, SlotSuggestions suggestions, ManageLinks links) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ServiceId { get; set; }
    [BindProperty(SupportsGet = true)] public string Host { get; set; } = "any";
    [BindProperty(SupportsGet = true)] public string? Start { get; set; }
    [BindProperty(SupportsGet = true)] public int Duration { get; set; }
    [BindProperty(SupportsGet = true)] public string Tz { get; set; } = "UTC";
    [BindProperty] public PatientInput Input { get; set; } = new();

    public Service Service { get; private set; } = null!;
    public string? HostName { get; private set; }
    public string WhenText { get; private set; } = "";
    public string? Refusal { get; private set; }
    public SuggestionsView Suggestions { get; private set; } = new([], _ => "", false);

    private DateTimeOffset startAt;
    private Guid? hostId;
    private TimeZoneInfo zone = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } problem)
        {
            return problem;
        }
        if (User.Identity?.IsAuthenticated == true)
        {
            Input.Name = User.FindFirstValue("name");
            Input.Email = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity.Name;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } problem)
        {
            return problem;
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var patient = new PatientInfo(Input.Name!, Input.Email!, Input.Phone, zone.Id, Input.Notes, SignedInUser());
        var result = await booking.BookAsync(new BookingRequest(Service.Id, hostId, startAt, Duration, patient), HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            return Redirect($"{Request.PathBase}/book/confirmation/{links.CreateToken(result.Appointment!.Id)}");
        }
        if (result.Failure == BookingFailure.NotFound)
        {
            return NotFound();
        }

        Refusal = result.Message;
        var hosts = await finder.HostsOfferingAsync(Service.Id, hostId, HttpContext.RequestAborted);
        var fresh = await suggestions.NearAsync(Service, hosts, Duration, startAt, zone, HttpContext.RequestAborted);
        Suggestions = new SuggestionsView(fresh, slot => $"{Request.PathBase}/book/{Service.Id}/details?host={(hostId is null ? "any" : slot.HostId)}&start={Uri.EscapeDataString(slot.Start)}&duration={Duration}&tz={Uri.EscapeDataString(zone.Id)}", hostId is null);
        Response.StatusCode = result.StatusCode;
        return Page();
    }

    /// <summary>Reads the chosen slot from the query; a 404 or 400 result when it does not make sense.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        var service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == ServiceId && s.Active, HttpContext.RequestAborted);
        if (service is null)
        {
            return NotFound();
        }
        Service = service;
        if (Host != "any")
        {
            if (!Guid.TryParse(Host, out var id))
            {
                return BadRequest("The host in the link is not valid.");
            }
            var host = (await finder.HostsOfferingAsync(service.Id, id, HttpContext.RequestAborted)).FirstOrDefault();
            if (host is null)
            {
                return NotFound();
            }
            hostId = id;
            HostName = host.DisplayName;
        }
        if (!VisitorZones.TryFind(Tz, out zone))
        {
            return BadRequest("The time zone in the link is not valid.");
        }
        if (!TimeInput.TryReadInstant(Start, out startAt))
        {
            return BadRequest($"The time in the link is not valid. Please pick a time again. {TimeInput.InstantMessage}");
        }
        if (!service.Offers(Duration))
        {
            return BadRequest($"{service.Name} is offered for {string.Join(", ", service.Durations)} minutes.");
        }
        Tz = zone.Id;
        WhenText = TimeText.Range(startAt, startAt.AddMinutes(Duration), zone.Id);
        return null;
    }

    private Guid? SignedInUser() =>
        User.Identity?.IsAuthenticated == true && Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
