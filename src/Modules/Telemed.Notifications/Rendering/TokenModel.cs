using System.Globalization;
using Telemed.Core.Clinic;
using Telemed.Liquid;
using Telemed.Liquid.Values;
using Telemed.Notifications.Models;

namespace Telemed.Notifications.Rendering;

/// <summary>
/// The Liquid model of a message: <c>clinic</c>, <c>service</c>, <c>host</c>, <c>patient</c>, <c>appointment</c> (times in the
/// recipient's zone with its abbreviation, duration, manage and calendar links) and <c>meeting</c> (provider, join URL,
/// passcode; <c>start_url</c> exists only in host and staff messages).
/// </summary>
public static class TokenModel
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public static LiquidObject Build(ILiquidEngine engine, MessageContext context, NotificationRecipient recipient, DateTimeOffset now)
    {
        var a = context.Appointment;
        var zone = context.ZoneFor(recipient);
        var start = TimeZoneInfo.ConvertTime(a.StartUtc, zone);
        var end = TimeZoneInfo.ConvertTime(a.EndUtc, zone);
        string Abbreviation(DateTimeOffset instant) => ZoneAbbreviations.For(engine, zone, instant);

        var appointment = new LiquidObject
        {
            ["id"] = a.AppointmentId.ToString(),
            ["status"] = a.Status,
            ["change"] = a.Change.ToString().ToLowerInvariant(),
            ["start"] = LiquidValue.Create(start, zone),
            ["end"] = LiquidValue.Create(end, zone),
            ["start_utc"] = a.StartUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["date"] = start.ToString("dddd d MMMM yyyy", Culture),
            ["time"] = $"{start.ToString("HH:mm", Culture)} {Abbreviation(a.StartUtc)}",
            ["end_time"] = $"{end.ToString("HH:mm", Culture)} {Abbreviation(a.EndUtc)}",
            ["time_zone"] = zone.Id,
            ["zone_abbreviation"] = Abbreviation(a.StartUtc),
            ["duration"] = (int)Math.Round((a.EndUtc - a.StartUtc).TotalMinutes),
            ["starts_in"] = StartsIn(a.StartUtc - now),
            ["manage_url"] = context.ManageUrl,
            ["cancellation_reason"] = a.CancellationReason ?? "",
            ["calendar"] = new LiquidObject
            {
                ["ics_url"] = context.ManageUrl + "/appointment.ics",
                ["google_url"] = CalendarLinks.Google(a, context.Clinic.Name, context.ManageUrl),
            },
        };
        if (a.PreviousStartUtc is { } previous)
        {
            var before = TimeZoneInfo.ConvertTime(previous, zone);
            appointment["previous_date"] = before.ToString("dddd d MMMM yyyy", Culture);
            appointment["previous_time"] = $"{before.ToString("HH:mm", Culture)} {Abbreviation(previous)}";
        }

        var meeting = context.Meeting;
        var meetingHash = new LiquidObject
        {
            ["provider"] = meeting?.ProviderName ?? "",
            ["state"] = (meeting?.State ?? MeetingState.NotApplicable).ToString().ToLowerInvariant(),
            ["join_url"] = meeting?.State == MeetingState.Created ? meeting.JoinUrl ?? "" : "",
            ["passcode"] = meeting?.State == MeetingState.Created ? meeting.Passcode ?? "" : "",
        };
        if (recipient != NotificationRecipient.Patient)
        {
            appointment["staff_url"] = context.StaffUrl;
            meetingHash["start_url"] = meeting?.StartUrl ?? "";
            meetingHash["error"] = context.MeetingError ?? meeting?.LastError ?? "";
        }

        return new LiquidObject
        {
            ["clinic"] = new LiquidObject { ["name"] = context.Clinic.Name, ["url"] = context.ClinicUrl, ["time_zone"] = context.Clinic.TimeZone },
            ["service"] = new LiquidObject { ["name"] = a.ServiceName, ["telemed"] = a.Telemed, ["group"] = a.Capacity > 1 },
            ["host"] = new LiquidObject { ["name"] = a.HostName, ["time_zone"] = a.HostTimeZone },
            ["patient"] = new LiquidObject
            {
                ["name"] = a.PatientName,
                ["email"] = a.PatientEmail,
                ["phone"] = a.PatientPhone ?? "",
                ["time_zone"] = a.PatientTimeZone ?? a.HostTimeZone,
            },
            ["appointment"] = appointment,
            ["meeting"] = meetingHash,
        };
    }

    private static string StartsIn(TimeSpan left)
    {
        if (left <= TimeSpan.Zero) return "now";
        if (left < TimeSpan.FromMinutes(90)) return $"in {Math.Max(1, (int)Math.Round(left.TotalMinutes))} minutes";
        if (left < TimeSpan.FromHours(36)) return $"in {(int)Math.Round(left.TotalHours)} hours";
        return $"in {(int)Math.Round(left.TotalDays)} days";
    }
}
