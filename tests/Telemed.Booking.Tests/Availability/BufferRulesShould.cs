using Telemed.Booking.Availability;
using static Telemed.Booking.Tests.Availability.Given;

namespace Telemed.Booking.Tests.Availability;

public class BufferRulesShould
{
    // One-hour slots every 30 minutes on Monday 09:30-13:30 (UTC): 09:30, 10:00 ... 12:30,
    // around an existing appointment at 11:00-12:00.
    private static readonly HostSchedule Host = new(TimeZoneInfo.Utc, Weekly("Mon 09:30-13:30"));

    [Theory]
    [InlineData(0, 0, 0, 0, new[] { "09:30", "10:00", "12:00", "12:30" })]
    [InlineData(0, 0, 0, 15, new[] { "09:30", "12:00", "12:30" })] // 10:00 + wrap-up runs into 11:00
    [InlineData(0, 0, 15, 0, new[] { "09:30", "10:00", "12:30" })] // 12:00 - preparation starts at 11:45
    [InlineData(30, 0, 0, 0, new[] { "09:30", "12:00", "12:30" })] // the appointment is busy from 10:30
    [InlineData(0, 30, 0, 0, new[] { "09:30", "10:00", "12:30" })] // the appointment is busy until 12:30
    [InlineData(0, 30, 15, 0, new[] { "09:30", "10:00" })] // 12:30 - 15 min meets 12:00 + 30 min: buffers add up
    [InlineData(30, 0, 0, 15, new[] { "12:00", "12:30" })] // 09:30 + 60 + 15 meets 11:00 - 30
    public void KeepEachAppointmentsBuffersClearOfTheOthers(
        int existingBefore, int existingAfter, int candidateBefore, int candidateAfter, string[] expectedTimes)
    {
        var rules = Minutes(60, step: 30) with
        {
            BufferBefore = TimeSpan.FromMinutes(candidateBefore),
            BufferAfter = TimeSpan.FromMinutes(candidateAfter),
        };
        BusyInterval[] busy = [Busy("2026-03-09T11:00Z", "2026-03-09T12:00Z", existingBefore, existingAfter, "consult")];

        var slots = Slots(Host, rules, "2026-03-09T00:00Z", "2026-03-10T00:00Z", busy);

        Assert.Equal(expectedTimes.Select(time => $"2026-03-09T{time}Z"), Starts(slots));
    }

    [Fact]
    public void LetBuffersReachOutsideTheWorkingWindow()
    {
        var rules = Minutes(60, step: 30) with { BufferBefore = TimeSpan.FromMinutes(30), BufferAfter = TimeSpan.FromMinutes(30) };

        var slots = Slots(Host, rules, "2026-03-09T00:00Z", "2026-03-10T00:00Z");

        Assert.Equal("2026-03-09T09:30Z", Starts(slots)[0]);
        Assert.Equal("2026-03-09T12:30Z", Starts(slots)[^1]);
    }

    [Fact]
    public void BlockSlotsWithBusyTimeThatIsNotAnAppointment()
    {
        BusyInterval[] busy = [Busy("2026-03-09T09:45Z", "2026-03-09T10:15Z")];

        var slots = Slots(Host, Minutes(60, step: 30), "2026-03-09T00:00Z", "2026-03-10T00:00Z", busy);

        Assert.Equal(
            ["2026-03-09T10:30Z", "2026-03-09T11:00Z", "2026-03-09T11:30Z", "2026-03-09T12:00Z", "2026-03-09T12:30Z"],
            Starts(slots));
    }

    [Fact]
    public void BlockSlotsCoveredByALongAppointmentListedBehindShortOnes()
    {
        // The long one starts first and reaches past shorter ones that start later.
        BusyInterval[] busy =
        [
            Busy("2026-03-09T09:45Z", "2026-03-09T10:00Z"),
            Busy("2026-03-09T08:00Z", "2026-03-09T11:30Z"),
            Busy("2026-03-09T10:15Z", "2026-03-09T10:30Z"),
        ];

        var slots = Slots(Host, Minutes(60, step: 30), "2026-03-09T00:00Z", "2026-03-10T00:00Z", busy);

        Assert.Equal(["2026-03-09T11:30Z", "2026-03-09T12:00Z", "2026-03-09T12:30Z"], Starts(slots));
    }

    [Fact]
    public void CompareInstantsWhateverOffsetTheyWereGivenIn()
    {
        // 06:00-05:00 is 11:00 UTC: the same appointment as in the table above.
        BusyInterval[] busy = [new(At("2026-03-09T06:00:00-05:00"), At("2026-03-09T07:00:00-05:00"))];

        var slots = Slots(Host, Minutes(60, step: 30), "2026-03-09T00:00Z", "2026-03-10T00:00Z", busy);

        Assert.Equal(["2026-03-09T09:30Z", "2026-03-09T10:00Z", "2026-03-09T12:00Z", "2026-03-09T12:30Z"], Starts(slots));
    }
}
