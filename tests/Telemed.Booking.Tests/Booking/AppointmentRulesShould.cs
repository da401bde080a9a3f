using Telemed.Booking.Models;
using Telemed.Booking.Services;

namespace Telemed.Booking.Tests.Booking;

public sealed class AppointmentRulesShould
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-09T08:00:00Z");

    [Theory]
    [InlineData(AppointmentStatus.Confirmed, 300, 240, true, null)]
    [InlineData(AppointmentStatus.Confirmed, 200, 240, true, BookingFailure.TooLateToChange)]
    [InlineData(AppointmentStatus.Confirmed, 200, 240, false, null)]
    [InlineData(AppointmentStatus.Confirmed, -5, 0, false, BookingFailure.TooLateToChange)]
    [InlineData(AppointmentStatus.Cancelled, 300, 0, false, BookingFailure.Invalid)]
    [InlineData(AppointmentStatus.Completed, 300, 0, false, BookingFailure.Invalid)]
    public void AllowChangesOnlyToConfirmedFutureAppointmentsOutsideTheNotice(
        string status, int minutesUntilStart, int noticeMinutes, bool enforceNotice, BookingFailure? expected)
    {
        var appointment = new Appointment { Status = status, StartUtc = Now.AddMinutes(minutesUntilStart), EndUtc = Now.AddMinutes(minutesUntilStart + 30) };
        var service = new Service { ChangeNoticeMinutes = noticeMinutes };

        Assert.Equal(expected, AppointmentRules.CannotChange(appointment, service, Now, enforceNotice)?.Failure);
    }

    [Theory]
    [InlineData(AppointmentStatus.Confirmed, -10, true, false)]
    [InlineData(AppointmentStatus.Confirmed, 10, false, false)]
    [InlineData(AppointmentStatus.Confirmed, -40, true, true)]
    [InlineData(AppointmentStatus.Cancelled, 60, false, true)]
    [InlineData(AppointmentStatus.Completed, -10, false, false)]
    public void RecordOutcomesOnceStartedAndDeleteOnlyCancelledOrEnded(string status, int minutesUntilStart, bool mayRecord, bool mayDelete)
    {
        var appointment = new Appointment { Status = status, StartUtc = Now.AddMinutes(minutesUntilStart), EndUtc = Now.AddMinutes(minutesUntilStart + 30) };

        Assert.Equal(mayRecord, AppointmentRules.MayRecordOutcome(appointment, Now));
        Assert.Equal(mayDelete, AppointmentRules.MayDelete(appointment, Now));
    }

    [Theory]
    [InlineData(0, "the moment")]
    [InlineData(45, "45 minutes")]
    [InlineData(60, "1 hour")]
    [InlineData(240, "4 hours")]
    [InlineData(1440, "1 day")]
    [InlineData(2880, "2 days")]
    [InlineData(90, "1 h 30 min")]
    public void DescribeANoticePeriodInWords(int minutes, string words) =>
        Assert.Equal(words, AppointmentRules.DescribeMinutes(minutes));
}
