using Telemed.Booking.Availability;
using static Telemed.Booking.Tests.Availability.Given;

namespace Telemed.Booking.Tests.Availability;

public class GroupCapacityShould
{
    private static readonly HostSchedule Host = new(TimeZoneInfo.Utc, Weekly("Mon 09:00-12:00"));
    private static readonly SlotRules GroupClass = Minutes(60) with { Capacity = 5, ServiceId = "group-therapy" };

    private static (string Start, int SeatsLeft)[] Offered(SlotRules rules, params BusyInterval[] busy) =>
        Slots(Host, rules, "2026-03-09T00:00Z", "2026-03-10T00:00Z", busy)
            .Select(slot => (Starts([slot])[0], slot.SeatsLeft))
            .ToArray();

    private static BusyInterval Seat(string start, string end, int seats = 1, string service = "group-therapy") =>
        Busy(start, end, service: service, seats: seats);

    [Fact]
    public void OfferEverySeatOfAnEmptySlot()
    {
        Assert.Equal(
            [("2026-03-09T09:00Z", 5), ("2026-03-09T10:00Z", 5), ("2026-03-09T11:00Z", 5)],
            Offered(GroupClass));
    }

    [Theory]
    [InlineData(new[] { 1 }, 4)]
    [InlineData(new[] { 1, 1 }, 3)]
    [InlineData(new[] { 2, 1, 1 }, 1)]
    public void CountSeatsTakenByBookingsOfTheSameSlot(int[] seatsPerBooking, int expectedSeatsLeft)
    {
        var bookings = seatsPerBooking.Select(seats => Seat("2026-03-09T10:00Z", "2026-03-09T11:00Z", seats)).ToArray();

        Assert.Equal(
            [("2026-03-09T09:00Z", 5), ("2026-03-09T10:00Z", expectedSeatsLeft), ("2026-03-09T11:00Z", 5)],
            Offered(GroupClass, bookings));
    }

    [Fact]
    public void HideAFullSlot()
    {
        var offered = Offered(GroupClass,
            Seat("2026-03-09T10:00Z", "2026-03-09T11:00Z", 3),
            Seat("2026-03-09T10:00Z", "2026-03-09T11:00Z", 2));

        Assert.Equal([("2026-03-09T09:00Z", 5), ("2026-03-09T11:00Z", 5)], offered);
    }

    [Fact]
    public void BlockSlotsOverlappedByABookingOfTheSameServiceAtAnotherTime()
    {
        var offered = Offered(GroupClass, Seat("2026-03-09T10:30Z", "2026-03-09T11:30Z"));

        Assert.Equal([("2026-03-09T09:00Z", 5)], offered);
    }

    [Fact]
    public void BlockASlotBookedAtTheSameTimeForAnotherService()
    {
        var offered = Offered(GroupClass, Seat("2026-03-09T10:00Z", "2026-03-09T11:00Z", service: "consultation"));

        Assert.Equal([("2026-03-09T09:00Z", 5), ("2026-03-09T11:00Z", 5)], offered);
    }

    [Fact]
    public void BlockASlotWhoseSeatsAreSharedButAnotherAppointmentOverlaps()
    {
        var offered = Offered(GroupClass,
            Seat("2026-03-09T10:00Z", "2026-03-09T11:00Z"),
            Busy("2026-03-09T10:45Z", "2026-03-09T11:15Z"));

        Assert.Equal([("2026-03-09T09:00Z", 5)], offered);
    }

    [Fact]
    public void KeepTheSessionsBuffersAwayFromNeighbouringSlots()
    {
        var buffered = GroupClass with { BufferBefore = TimeSpan.FromMinutes(15), BufferAfter = TimeSpan.FromMinutes(15) };
        var booking = Busy("2026-03-09T10:00Z", "2026-03-09T11:00Z", 15, 15, "group-therapy");

        // The booked session still takes seats; the slots beside it would eat into its buffers.
        Assert.Equal([("2026-03-09T10:00Z", 4)], Offered(buffered, booking));
    }

    [Fact]
    public void HideAnIndividualSlotOnceBooked()
    {
        var individual = Minutes(60) with { ServiceId = "consultation" };

        var offered = Offered(individual, Seat("2026-03-09T10:00Z", "2026-03-09T11:00Z", service: "consultation"));

        Assert.Equal([("2026-03-09T09:00Z", 1), ("2026-03-09T11:00Z", 1)], offered);
    }
}
