using Telemed.Booking.Models;
using Telemed.Booking.Services;

namespace Telemed.Booking.Tests.Booking;

public sealed class CalendarLinksShould
{
    private static readonly Appointment Appointment = new()
    {
        Id = Guid.Parse("7f0c64e1-53e4-4bf9-9cc4-8d1a2b3c4d5e"),
        StartUtc = DateTimeOffset.Parse("2026-03-09T09:00:00Z"),
        EndUtc = DateTimeOffset.Parse("2026-03-09T09:30:00Z"),
        UpdatedAt = DateTimeOffset.Parse("2026-03-01T12:00:00Z"),
        Version = 3,
    };

    [Fact]
    public void WriteAnEventWithAStableUidAndTheVersionAsSequence()
    {
        var ics = CalendarLinks.Ics(Appointment, "Consultation; with Dr A, B", "Riverside", "https://clinic.test/book/manage/abc");

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics);
        Assert.Contains("UID:7f0c64e153e44bf99cc48d1a2b3c4d5e@telemed-booking\r\n", ics);
        Assert.Contains("SEQUENCE:3\r\n", ics);
        Assert.Contains("DTSTART:20260309T090000Z\r\n", ics);
        Assert.Contains("DTEND:20260309T093000Z\r\n", ics);
        Assert.Contains(@"SUMMARY:Consultation\; with Dr A\, B · Riverside", ics);
        Assert.Contains("STATUS:CONFIRMED", ics);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Fact]
    public void MarkACancelledAppointmentCancelled()
    {
        var cancelled = new Appointment { Id = Appointment.Id, StartUtc = Appointment.StartUtc, EndUtc = Appointment.EndUtc, Status = AppointmentStatus.Cancelled };

        var ics = CalendarLinks.Ics(cancelled, "Consultation", "Riverside", "https://clinic.test/m");

        Assert.Contains("METHOD:CANCEL\r\n", ics);
        Assert.Contains("STATUS:CANCELLED\r\n", ics);
    }

    [Fact]
    public void LinkToGoogleCalendarWithUtcTimes()
    {
        var url = CalendarLinks.GoogleUrl(Appointment, "Consultation", "Riverside", "https://clinic.test/m");

        Assert.StartsWith("https://calendar.google.com/calendar/render?action=TEMPLATE", url);
        Assert.Contains("&dates=20260309T090000Z/20260309T093000Z", url);
        Assert.Contains("&text=Consultation%20%C2%B7%20Riverside", url);
    }
}
