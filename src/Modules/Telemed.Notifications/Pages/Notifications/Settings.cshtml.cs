using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Notifications.Data;
using Telemed.Notifications.Services;

namespace Telemed.Notifications.Pages.Notifications;

/// <summary>Reminder offsets, SMS on or off, and where staff alerts go.</summary>
[Authorize(Policy = "notifications.templates")]
public sealed class SettingsModel(NotificationSettingsStore store) : PageModel
{
    [BindProperty, Display(Name = "Reminders (hours before the start, comma-separated)"), Required(ErrorMessage = "Enter at least one offset, or 0 for none.")]
    public string Offsets { get; set; } = "";

    [BindProperty, Display(Name = "Send text messages (to patients who gave a phone number)")]
    public bool SmsEnabled { get; set; }

    [BindProperty, Display(Name = "Staff alerts go to"), EmailAddress(ErrorMessage = "Enter an e-mail address, or leave it empty for every clinic admin.")]
    public string? StaffEmail { get; set; }

    public async Task OnGetAsync()
    {
        var settings = await store.GetAsync(HttpContext.RequestAborted);
        Offsets = string.Join(", ", settings.ReminderOffsets.Select(m => (m / 60.0).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)));
        SmsEnabled = settings.SmsEnabled;
        StaffEmail = settings.StaffEmail;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var minutes = new List<int>();
        foreach (var part in Offsets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var hours) || hours < 0 || hours > 720)
            {
                ModelState.AddModelError(nameof(Offsets), $"'{part}' is not a number of hours between 0 and 720.");
            }
            else if (hours > 0)
            {
                minutes.Add((int)Math.Round(hours * 60));
            }
        }
        if (!ModelState.IsValid) return Page();
        await store.SaveAsync(new NotificationSettings { ReminderOffsets = [.. minutes], SmsEnabled = SmsEnabled, StaffEmail = StaffEmail }, HttpContext.RequestAborted);
        TempData["Status"] = "Notification settings saved. New and changed appointments use them.";
        return RedirectToPage();
    }
}
