using System.Globalization;
using System.Text;

namespace Telemed.Booking.IntegrationTests;

/// <summary>
/// Query and form values a visitor, a broken link or an attacker may send, drawn from a seeded
/// <see cref="Random"/> so that a failing run can be repeated: dates and instants out of range,
/// zones that do not exist or name files, ids that are not ids, lengths that overflow, and long,
/// unicode and control-character strings. <c>null</c> means "leave the parameter out".
/// </summary>
public sealed class HostileValues(int seed)
{
    private static readonly string[] Dates =
    [
        "9999-12-31", "9999-12-25", "0001-01-01", "10000-01-01", "1999-12-31", "2101-01-01", "2199-12-31", "2026-02-30", "2026-13-01",
        "2026-00-10", "-1", "-2026-01-01", "0", "99999999999999999999", "2026-1-1", "2026/01/01", "01/02/2026", "2026-01-01T00:00:00Z",
        "２０２６-０１-０１", "\u0662\u0660\u0662\u0666-\u0660\u0661-\u0660\u0661", "null", "NaN", "Infinity", "1e9", "today", "2026-W01",
    ];

    private static readonly string[] Instants =
    [
        "9999-12-31T23:59:59Z", "9999-12-31T23:30:00Z", "9999-12-31T23:59:59-14:00", "9999-12-31T10:00:00+14:00", "0001-01-01T00:00:00Z",
        "0001-01-01T00:00:00+14:00", "0001-01-01T00:10:00-14:00", "10000-01-01T00:00:00Z", "1999-12-31T10:00:00Z", "2101-01-01T10:00:00Z",
        "2030-01-01T10:00:00+99:00", "2030-01-01T10:00:00+14:00", "2030-01-01T10:00:00-14:00", "2030-01-01T10:00:00 01:00",
        "2030-01-01 10:00", "2030-02-30T10:00:00Z", "2030-01-01T25:00:00Z", "12/31/9999", "now", "yesterday", "1", "-1", "2147483648",
        "P1D", "2030-01-01T10:00:00.9999999999999Z", "２０３０-０１-０１T10:00:00Z", "2030-01-01T10:00:00Europe/London",
    ];

    private static readonly string[] Zones =
    [
        "UTC", "Europe/London", "America/New_York", "Asia/Kathmandu", "Pacific/Chatham", "Australia/Lord_Howe", "America/St_Johns",
        "Etc/GMT-14", "Etc/GMT+12", "Pacific/Kiritimati", "Asia/Calcutta", "US/Eastern", "europe/london", "Mars/Olympus", "../../etc/passwd",
        "../../../../dev/zero", "/etc/localtime", "/usr/share/zoneinfo/UTC", "localtime", "posixrules", "Factory", "right/UTC",
        "posix/Europe/London", "Europe//London", "Europe/London/", "Europe/London/..", "Etc/../UTC", "Pacific Standard Time", "UTC\0",
        "UTC\n", " UTC", "Europe/Londön", "\u202EUTC", "Zoneinfo/../../../proc/self/environ", "GMT", "EST5EDT",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-30", "17", "31", "2147483647", "2147483648", "-2147483649", "99999999999999999999", "30.0", "30,0", "1e2", "0x1E", " 30",
        "30 ", "+30", "٣٠", "３０", "abc", "NaN", "-0", "00030",
    ];

    private static readonly string[] Junk =
    [
        "", " ", "\t", "\0", "\u0001\u0002\u001f\u007f", "\r\nSet-Cookie: x=y", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
        "' OR 1=1 --", "{0}", "%s%n%x", "%zz", "%", "%00", "..", "../..", "\\\\server\\share", "null", "undefined", "[]", "{}", "true",
        "🙂🙂🙂", "e\u0301\u0301\u0301\u0301", "\uFEFF", "\u202E\u202D", "Ω≈ç√∫", "田中さん", "ثلاثون", "\uFFFF\uFFFE",
    ];

    private readonly Random random = new(seed);
    private double hostility = 0.5;

    public bool Chance(double probability) => random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    /// <summary>A date: often a good one near today, else one of the bad ones or junk.</summary>
    public string? Date(DateOnly today) => Roll(
        () => today.AddDays(random.Next(-400, 800)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        () => Pick(Dates));

    /// <summary>The end of a range: mostly a few days to a few weeks after <paramref name="from"/>, sometimes before it or too far.</summary>
    public string? DayAfter(string? from, DateOnly today) =>
        DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) && first.DayNumber < DateOnly.MaxValue.DayNumber - 100
            ? Roll(() => first.AddDays(random.Next(-2, 70)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), () => Pick(Dates))
            : Date(today);

    /// <summary>An instant: a real free slot, a time near today in ISO form, or a bad one.</summary>
    public string? Instant(IReadOnlyList<string> goodStarts) => Roll(
        () => random.Next(3) == 0
            ? DateTimeOffset.UtcNow.AddMinutes(random.Next(-100_000, 2_000_000) / 30 * 30).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            : Pick(goodStarts),
        () => Pick(Instants));

    public string? Zone() => Roll(() => Pick(Zones[..13]), () => Pick(Zones));

    /// <summary>An id: one of the given good ones, another Guid, or something that is not a Guid at all.</summary>
    public string? Id(IReadOnlyList<string> good) => Roll(
        () => Pick(good),
        () => random.Next(6) switch
        {
            0 => RandomGuid().ToString(),
            1 => Guid.Empty.ToString(),
            2 => $"{{{Pick(good)}}}",
            3 => Pick(good).Replace("-", "") + "00",
            4 => Pick(good).ToUpperInvariant(),
            _ => Pick(["any", "ANY", "nobody", "-1", "999999999999", Pick(good) + "'"]),
        });

    public string? Minutes() => Roll(() => Pick(["30", "60"]), () => Pick(Numbers));

    /// <summary>Any text at all: junk, a long run, or a mix of control and unicode characters.</summary>
    public string? Text() => Roll(() => "Jamie Doe", () => random.Next(4) switch
    {
        0 => Pick(Junk),
        1 => new string(Pick("x9-/:%".ToCharArray()), Pick([65, 257, 1001, 4097])),
        2 => RandomChars(random.Next(1, 60)),
        _ => Pick(Junk) + Pick(Zones) + Pick(Dates),
    });

    /// <summary>
    /// Starts a new request: how hostile its values are. Some requests are hostile in every
    /// parameter, most in one or two, so that the bad value also reaches the code behind the
    /// checks of the good ones.
    /// </summary>
    public void NextRequest() => hostility = Pick([0.03, 0.1, 0.1, 0.25, 0.6]);

    /// <summary>A value that is sometimes missing, sometimes junk, sometimes of the wrong kind, else good.</summary>
    private string? Roll(Func<string> good, Func<string> bad)
    {
        if (random.NextDouble() >= hostility)
        {
            return good();
        }
        return random.Next(10) switch
        {
            0 or 1 => null,
            2 => Pick(Junk),
            3 => RandomChars(random.Next(1, 30)),
            _ => bad(),
        };
    }

    private Guid RandomGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private string RandomChars(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            _ = random.Next(5) switch
            {
                0 => text.Append((char)random.Next(0, 0x20)),
                1 => text.Append((char)random.Next(0x20, 0x7f)),
                2 => text.Append((char)random.Next(0xa0, 0x2fff)),
                3 => text.Append((char)random.Next(0x3000, 0xd7ff)),
                _ => text.Append(random.Next(2) == 0 ? "🙂" : "𝕏\u0301"),
            };
        }
        return text.ToString();
    }
}
