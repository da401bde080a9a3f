using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;

namespace Telemed.Notifications.Rendering;

/// <summary>The made-up appointment the editor previews with when no real one is chosen.</summary>
public static class SampleData
{
    public static AppointmentChanged Appointment(Tenant clinic, DateTimeOffset now)
    {
        var start = new DateTimeOffset(now.UtcDateTime.Date.AddDays(2).AddHours(14), TimeSpan.Zero);
        return new AppointmentChanged(Guid.Parse("5a3b1e2c-0000-4000-8000-000000000001"), AppointmentChange.Booked, "confirmed",
            Guid.Empty, "Video consultation", true, "zoom", 1, Guid.Empty, null, "Dr Alice Morgan",
            clinic.TimeZone, start, start.AddMinutes(30), "Sam Patient", "sam.patient@example.org", "+447700900123",
            clinic.TimeZone, "The doctor is unwell", "sample", start.AddDays(-1), 3);
    }

    public static MeetingInfo Meeting() => new()
    {
        Provider = "zoom", ProviderName = "Zoom", State = MeetingState.Created, JoinUrl = "https://zoom.us/j/85012345678?pwd=sample",
        Passcode = "Ab3dE7", StartUrl = "https://zoom.us/s/85012345678?zak=sample", Attempts = 1,
    };
}
