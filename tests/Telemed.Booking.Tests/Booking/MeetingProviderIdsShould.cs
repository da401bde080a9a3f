using System.Text.Json;
using Telemed.Core.Clinic;

namespace Telemed.Booking.Tests.Booking;

/// <summary>Providers are named by id; events queued and recipes written before that still read.</summary>
public sealed class MeetingProviderIdsShould
{
    [Theory]
    [InlineData("1", "zoom")]
    [InlineData("2", "google-meet")]
    [InlineData("0", "none")]
    [InlineData("\"Zoom\"", "zoom")]
    [InlineData("\"GoogleMeet\"", "google-meet")]
    [InlineData("\"zoom\"", "zoom")]
    [InlineData("\"host\"", "host")]
    [InlineData("null", "none")]
    public void ReadTheProviderOfAQueuedEventWhateverItWasWrittenAs(string written, string expected)
    {
        var json = $$"""{"appointmentId":"{{Guid.NewGuid()}}","change":0,"status":"confirmed","serviceId":"{{Guid.NewGuid()}}","serviceName":"Video","telemed":true,"meetingProvider":{{written}},"capacity":1,"hostId":"{{Guid.NewGuid()}}","hostName":"Dr","hostTimeZone":"UTC","startUtc":"2031-01-01T10:00:00Z","endUtc":"2031-01-01T10:30:00Z","patientName":"P","patientEmail":"p@example.org","slotKey":"s"}""";

        var read = JsonSerializer.Deserialize<AppointmentChanged>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        Assert.Equal(expected, read.MeetingProvider);
        Assert.Contains($"\"meetingProvider\":\"{expected}\"", JsonSerializer.Serialize(read, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
    }

    [Theory]
    [InlineData("zoom", true)]
    [InlineData("google-meet", true)]
    [InlineData("42", false)]
    [InlineData("Zoom", false)]
    [InlineData("zoom meetings", false)]
    [InlineData("", false)]
    public void AcceptOnlyLowerCaseIdsStartingWithALetter(string id, bool wellFormed) => Assert.Equal(wellFormed, MeetingProviders.IsWellFormed(id));
}
