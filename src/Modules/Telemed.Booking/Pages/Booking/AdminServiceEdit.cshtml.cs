using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Booking.Services;
using Telemed.Core.Clinic;

namespace Telemed.Booking.Pages.Booking;

/// <summary>Create or edit a service, and choose the hosts who offer it.</summary>
[Authorize(Policy = BookingPermissions.Names.ManageServices)]
public sealed class AdminServiceEditModel(BookingDb db, MeetingProviderChoices providers) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public ServiceInput Input { get; set; } = new();

    public IReadOnlyList<HostProfile> Hosts { get; private set; } = [];

    /// <summary>The installed providers, and the service's current one even when its module is gone.</summary>
    public IReadOnlyList<MeetingProviderOption> ProviderOptions => providers.OptionsIncluding(MeetingProviders.Normalize(Input.MeetingProvider));

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadHostsAsync();
        if (Id is null)
        {
            return Page();
        }
        var service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, HttpContext.RequestAborted);
        if (service is null)
        {
            return NotFound();
        }
        Input = new ServiceInput
        {
            Name = service.Name,
            Description = service.Description,
            Durations = string.Join(", ", service.Durations),
            Telemed = service.Telemed,
            MeetingProvider = service.MeetingProvider,
            Capacity = service.Capacity,
            BufferBefore = service.BufferBeforeMinutes,
            BufferAfter = service.BufferAfterMinutes,
            MinimumNotice = service.MinimumNoticeMinutes,
            HorizonDays = service.HorizonDays,
            ChangeNotice = service.ChangeNoticeMinutes,
            Active = service.Active,
            HostIds = await db.ServiceHosts.Where(l => l.ServiceId == service.Id).Select(l => l.HostId).ToListAsync(HttpContext.RequestAborted),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        await LoadHostsAsync();
        var problems = Input.RuleProblems(out var durations, await OfferedProvidersAsync(cancellationToken));
        foreach (var (field, message) in problems)
        {
            ModelState.AddModelError($"Input.{field}", message);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var service = Id is null ? new Service() : await db.Services.FirstOrDefaultAsync(s => s.Id == Id, cancellationToken);
        if (service is null)
        {
            return NotFound();
        }
        service.Name = Input.Name!.Trim();
        service.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        service.Durations = durations!;
        service.Telemed = Input.Telemed;
        service.MeetingProvider = Input.Telemed ? MeetingProviders.Normalize(Input.MeetingProvider) : MeetingProviders.None;
        service.Capacity = Input.Capacity;
        service.BufferBeforeMinutes = Input.BufferBefore;
        service.BufferAfterMinutes = Input.BufferAfter;
        service.MinimumNoticeMinutes = Input.MinimumNotice;
        service.HorizonDays = Input.HorizonDays;
        service.ChangeNoticeMinutes = Input.ChangeNotice;
        service.Active = Input.Active;
        if (Id is null)
        {
            db.Services.Add(service);
        }

        var wanted = Hosts.Select(h => h.Id).Intersect(Input.HostIds).ToHashSet();
        var existing = await db.ServiceHosts.Where(l => l.ServiceId == service.Id).ToListAsync(cancellationToken);
        db.ServiceHosts.RemoveRange(existing.Where(l => !wanted.Contains(l.HostId)));
        db.ServiceHosts.AddRange(wanted.Where(h => existing.All(l => l.HostId != h)).Select(h => new ServiceHost { ServiceId = service.Id, HostId = h }));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = $"{service.Name} saved.";
        return Redirect($"{Request.PathBase}/admin/services");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var service = await db.Services.FirstOrDefaultAsync(s => s.Id == Id, HttpContext.RequestAborted);
        if (service is null)
        {
            return NotFound();
        }
        if (await db.Appointments.AnyAsync(a => a.ServiceId == service.Id, HttpContext.RequestAborted))
        {
            TempData["Error"] = $"{service.Name} has appointments, so it cannot be deleted. Make it inactive instead.";
            return Redirect($"{Request.PathBase}/admin/services/edit/{service.Id}");
        }
        db.Services.Remove(service);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Status"] = $"{service.Name} deleted.";
        return Redirect($"{Request.PathBase}/admin/services");
    }

    /// <summary>What the form offered: the installed providers and the one the service already had.</summary>
    private async Task<IReadOnlyCollection<string>> OfferedProvidersAsync(CancellationToken cancellationToken)
    {
        var current = Id is null ? null : await db.Services.Where(s => s.Id == Id).Select(s => s.MeetingProvider).FirstOrDefaultAsync(cancellationToken);
        return providers.OptionsIncluding(current).Select(o => o.Id).ToList();
    }

    private async Task LoadHostsAsync() =>
        Hosts = await db.Hosts.AsNoTracking().OrderBy(h => h.DisplayName).ToListAsync(HttpContext.RequestAborted);
}
