using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Telemed.Zoom.Data;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.Pages.Zoom;

/// <summary>The clinic's Zoom meetings with their state, attempts and last error; failed or stuck ones can be retried.</summary>
[Authorize(Policy = ZoomPermissions.Names.ManageZoom)]
public sealed class MeetingsModel(ZoomDb db, ZoomMeetingPlanner planner) : PageModel
{
    private const int PageSize = 200;

    public IReadOnlyList<ZoomMeetingRecord> Meetings { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    public async Task OnGetAsync()
    {
        var query = db.Meetings.AsNoTracking();
        query = State switch
        {
            "problems" => query.Where(m => m.LastError != null || m.State == ZoomMeetingRecord.Failed),
            { Length: > 0 } state => query.Where(m => m.State == state),
            _ => query,
        };
        Meetings = await query.OrderByDescending(m => m.LastError != null).ThenByDescending(m => m.StartUtc).Take(PageSize).ToListAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostRetryAsync(string slotKey)
    {
        TempData[await planner.RetrySlotAsync(slotKey, HttpContext.RequestAborted) ? "Status" : "Error"] =
            await db.Meetings.AnyAsync(m => m.SlotKey == slotKey) ? "The meeting will be tried again now." : "That meeting no longer exists.";
        return RedirectToPage(new { State });
    }
}
