using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Booking.Services;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Navigation;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Pages.Booking;

/// <summary>Create or edit a host. Admins edit anyone; a host edits their own hours and time away.</summary>
[Authorize(Policy = BookingPermissions.Names.ManageAppointments)]
public sealed class AdminHostEditModel(BookingDb db, StaffContext staff, IUserDirectory users, TenantContext tenantContext,
    IEnumerable<HostProfileSection> sections, IServiceProvider services) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public HostInput Input { get; set; } = new();

    /// <summary>A host who just accepted their invitation: the page greets them and says what is left.</summary>
    [BindProperty(SupportsGet = true)] public bool Welcome { get; set; }

    public bool IsAdmin => staff.IsAdmin;

    /// <summary>Null when no module invites people (the identity module answers).</summary>
    public IInvitations? Invitations { get; } = services.GetService<IInvitations>();

    /// <summary>What other modules show under the hours of a saved host (the video connections, say).</summary>
    public IEnumerable<HostProfileSection> Sections => Id is null ? [] : sections.OrderBy(s => s.Order);

    /// <summary>Whether the saved host has any weekly hours yet (the welcome says so when not).</summary>
    public bool HasHours { get; private set; }
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];
    public IReadOnlyList<Service> Services { get; private set; } = [];

    public string? ErrorFor(string key) => ModelState.TryGetValue(key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await MayEditAsync())
        {
            return Forbid();
        }
        await LoadChoicesAsync();
        if (Id is null)
        {
            Input.TimeZone = tenantContext.Required.TimeZone;
            return Page();
        }
        var host = await db.Hosts.AsNoTracking().FirstOrDefaultAsync(h => h.Id == Id, HttpContext.RequestAborted);
        if (host is null)
        {
            return NotFound();
        }
        Input = new HostInput
        {
            UserId = host.UserId,
            DisplayName = host.DisplayName,
            Bio = host.Bio,
            TimeZone = host.TimeZone,
            Overrides = ScheduleText.FormatOverrides(host.Availability.Overrides),
            OutOfOffice = ScheduleText.FormatOutOfOffice(host.Availability.OutOfOffice),
            Active = host.Active,
            ServiceIds = await db.ServiceHosts.Where(l => l.HostId == host.Id).Select(l => l.ServiceId).ToListAsync(HttpContext.RequestAborted),
        };
        HasHours = host.Availability.Weekly.Count > 0;
        foreach (var day in host.Availability.Weekly.GroupBy(w => w.Day))
        {
            Input.Weekly[(int)day.Key] = ScheduleText.FormatWindows(day.Select(w => w.Window));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (!await MayEditAsync())
        {
            return Forbid();
        }
        await LoadChoicesAsync();
        var availability = ReadAvailability();
        if (!VisitorZones.TryFind(Input.TimeZone, out var zone))
        {
            ModelState.AddModelError("Input.TimeZone", "Choose a time zone from the list.");
        }
        if (IsAdmin && Input.UserId is { } userId && Users.All(u => u.Id != userId))
        {
            ModelState.AddModelError("Input.UserId", "Choose a user of this clinic.");
        }
        if (IsAdmin && Input.UserId is { } linked && await db.Hosts.AnyAsync(h => h.UserId == linked && h.Id != Id, cancellationToken))
        {
            ModelState.AddModelError("Input.UserId", "This user is already linked to another host.");
        }
        var invite = IsAdmin && Invitations is not null && !string.IsNullOrWhiteSpace(Input.InviteEmail) ? Input.InviteEmail.Trim() : null;
        if (invite is not null && Input.UserId is not null)
        {
            ModelState.AddModelError("Input.InviteEmail", "Choose someone who already signs in, or invite someone new, not both.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var host = Id is null ? new HostProfile() : await db.Hosts.FirstOrDefaultAsync(h => h.Id == Id, cancellationToken);
        if (host is null)
        {
            return NotFound();
        }
        host.DisplayName = Input.DisplayName!.Trim();
        host.Bio = string.IsNullOrWhiteSpace(Input.Bio) ? null : Input.Bio.Trim();
        host.TimeZone = zone.Id;
        host.Availability = availability;
        if (invite is not null)
        {
            // Last, once the form is known to be good, so a refused form leaves no account behind.
            try
            {
                var person = await Invitations!.InviteAsync(invite, host.DisplayName, Roles.Host, User.FindFirst("name")?.Value, cancellationToken);
                Input.UserId = person.Id;
            }
            catch (UserDirectoryException exception)
            {
                ModelState.AddModelError("Input.InviteEmail", exception.Message);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            }
        }
        if (IsAdmin)
        {
            host.UserId = Input.UserId;
            host.Active = Input.Active;
            var wanted = Services.Select(s => s.Id).Intersect(Input.ServiceIds).ToHashSet();
            var existing = await db.ServiceHosts.Where(l => l.HostId == host.Id).ToListAsync(cancellationToken);
            db.ServiceHosts.RemoveRange(existing.Where(l => !wanted.Contains(l.ServiceId)));
            db.ServiceHosts.AddRange(wanted.Where(s => existing.All(l => l.ServiceId != s)).Select(s => new ServiceHost { ServiceId = s, HostId = host.Id }));
        }
        if (Id is null)
        {
            db.Hosts.Add(host);
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = invite is not null
            ? $"{host.DisplayName} was saved and invited: {invite} gets an e-mail to choose a password, then sets their hours and video."
            : $"{host.DisplayName}'s schedule saved.";
        return Redirect(IsAdmin ? $"{Request.PathBase}/admin/hosts" : $"{Request.PathBase}/admin/my-schedule");
    }

    private HostAvailability ReadAvailability()
    {
        var weekly = new List<WeeklyHours>();
        for (var index = 0; index < 7; index++)
        {
            var text = index < Input.Weekly.Length ? Input.Weekly[index] : null;
            var windows = ScheduleText.ParseWindows(text?.Length > 200 ? text[..200] : text, out var error);
            if (error is not null)
            {
                ModelState.AddModelError($"Input.Weekly[{index}]", error);
            }
            weekly.AddRange(windows.Select(w => new WeeklyHours((DayOfWeek)index, w)));
        }
        var overrides = ScheduleText.ParseOverrides(Input.Overrides, out var overrideError);
        if (overrideError is not null)
        {
            ModelState.AddModelError("Input.Overrides", overrideError);
        }
        var away = ScheduleText.ParseOutOfOffice(Input.OutOfOffice, out var awayError);
        if (awayError is not null)
        {
            ModelState.AddModelError("Input.OutOfOffice", awayError);
        }
        return new HostAvailability(weekly, overrides, away);
    }

    private async Task<bool> MayEditAsync() =>
        Id is null ? IsAdmin : await staff.MayEditHostAsync(Id.Value, HttpContext.RequestAborted);

    private async Task LoadChoicesAsync()
    {
        if (!IsAdmin)
        {
            return;
        }
        Users = (await users.ListAsync(HttpContext.RequestAborted)).Where(u => u.Roles.Contains(Roles.Host) || u.Roles.Contains(Roles.ClinicAdmin)).ToList();
        Services = await db.Services.AsNoTracking().OrderBy(s => s.Name).ToListAsync(HttpContext.RequestAborted);
    }
}
