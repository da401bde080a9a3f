using Telemed.Booking.Services;

namespace Telemed.Booking.Tests.Booking;

/// <summary>The strict zone reader every page and endpoint uses: tz database names only, never a path or another kind of name.</summary>
public sealed class VisitorZonesShould
{
    [Theory]
    [InlineData("Europe/London", "Europe/London")]
    [InlineData("europe/london", "Europe/London")]
    [InlineData("UTC", "UTC")]
    [InlineData("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires")]
    [InlineData("Etc/GMT+12", "Etc/GMT+12")]
    [InlineData("Asia/Calcutta", "Asia/Calcutta")]
    [InlineData("Etc/UTC", "Etc/UTC")]
    public void ReadATzDatabaseZoneInItsListedSpelling(string id, string expected)
    {
        Assert.True(VisitorZones.TryFind(id, out var zone));
        Assert.Equal(expected, zone.Id);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("../../etc/passwd")]
    [InlineData("../../../../dev/zero")]
    [InlineData("/etc/localtime")]
    [InlineData("Etc/../UTC")]
    [InlineData("localtime")]
    [InlineData("posixrules")]
    [InlineData("Factory")]
    [InlineData("posix/Europe/London")]
    [InlineData("right/UTC")]
    [InlineData("Europe//London")]
    [InlineData("Europe/London/")]
    [InlineData(" UTC")]
    [InlineData("UTC\u0000")]
    [InlineData("Pacific Standard Time")]
    [InlineData("Europe/Londön")]
    [InlineData("A/B/C/D")]
    [InlineData("")]
    [InlineData(null)]
    public void RefuseAnythingElseWithUtcInItsPlace(string? id)
    {
        Assert.False(VisitorZones.TryFind(id, out var zone));
        Assert.Same(TimeZoneInfo.Utc, zone);
    }

    [Fact]
    public void RefuseAVeryLongName()
    {
        Assert.False(VisitorZones.TryFind("Europe/" + new string('a', 5000), out _));
    }

    [Fact]
    public void ReadEveryZoneItOffers()
    {
        Assert.All(VisitorZones.All, id => Assert.True(VisitorZones.TryFind(id, out var zone) && zone.Id == id, id));
    }
}
