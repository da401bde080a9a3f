using BenchmarkDotNet.Attributes;
using Telemed.Booking.Availability;

namespace Telemed.Booking.Benchmarks;

/// <summary>
/// One host in New York over the 30 days around the spring-forward change, open 09:00-12:00 and
/// 13:00-17:00 every day, 15-minute slots (840 candidates) and 200 existing appointments with buffers.
/// Target: well under 1 ms per query.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[ShortRunJob]
public class AvailabilityBenchmarks
{
    private const int Days = 30;
    private const int Appointments = 200;
    private static readonly DateTimeOffset Now = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset From = new(2026, 2, 23, 0, 0, 0, TimeSpan.Zero);

    private readonly WeeklyWindow[] weekly = Enum.GetValues<DayOfWeek>()
        .SelectMany(day => new[]
        {
            new WeeklyWindow(day, LocalTimeWindow.Parse("09:00-12:00")),
            new WeeklyWindow(day, LocalTimeWindow.Parse("13:00-17:00")),
        })
        .ToArray();

    private readonly SlotRules rules = new()
    {
        Duration = TimeSpan.FromMinutes(15),
        BufferBefore = TimeSpan.FromMinutes(5),
        BufferAfter = TimeSpan.FromMinutes(5),
        MinimumNotice = TimeSpan.FromHours(2),
        Horizon = TimeSpan.FromDays(90),
        ServiceId = "consultation",
    };

    private TimeZoneInfo zone = null!;
    private HostSchedule host = null!;
    private BusyInterval[] busy = null!;
    private AvailabilityQuery query;

    [GlobalSetup]
    public void Setup()
    {
        zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        host = new HostSchedule(zone, weekly);
        query = new AvailabilityQuery(From, From.AddDays(Days), Now);

        // Appointments on the 15-minute grid of the working hours, fixed seed so every run is alike.
        var random = new Random(20260308);
        busy = new BusyInterval[Appointments];
        for (var i = 0; i < busy.Length; i++)
        {
            var day = new DateTime(2026, 2, 23).AddDays(random.Next(Days));
            var localStart = day.AddHours(9).AddMinutes(15 * random.Next(28 + 4));
            var start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(localStart, zone));
            busy[i] = new BusyInterval(start, start.AddMinutes(15 * (1 + random.Next(2))),
                TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), "consultation");
        }

        Console.WriteLine($"// Scenario: {FindSlots()} slots offered out of {Days * 28} on the grid, {Appointments} appointments.");
    }

    [Benchmark(Baseline = true)]
    public int FindSlots() => AvailabilityEngine.FindSlots(host, rules, busy, query).Count;

    [Benchmark]
    public int BuildScheduleAndFindSlots() =>
        AvailabilityEngine.FindSlots(new HostSchedule(zone, weekly), rules, busy, query).Count;
}
