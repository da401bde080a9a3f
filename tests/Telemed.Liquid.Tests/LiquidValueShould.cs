using System.Runtime.CompilerServices;

namespace Telemed.Liquid.Tests;

public class LiquidValueShould
{
    [Fact]
    public void StaySmallEnoughToTravelInRegisters() => Assert.Equal(16, Unsafe.SizeOf<LiquidValue>());

    [Fact]
    public void DefaultToNil()
    {
        LiquidValue value = default;

        Assert.Equal((LiquidValueKind.Nil, false, ""), (value.Kind, value.IsTruthy, value.ToString()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-90)]
    [InlineData(330)]
    [InlineData(840)]
    [InlineData(-720)]
    public void KeepTheOffsetOfDates(int offsetMinutes)
    {
        var instant = new DateTimeOffset(2024, 3, 31, 1, 30, 15, TimeSpan.FromMinutes(offsetMinutes));

        var value = LiquidValue.Create(instant);

        Assert.Equal(LiquidValueKind.DateTime, value.Kind);
        Assert.Equal(instant, value.AsDateTime);
        Assert.Equal(instant.Offset, value.AsDateTime.Offset);
    }

    [Fact]
    public void TellKindsApartWhateverTheirBits()
    {
        Assert.Equal(LiquidValueKind.Integer, LiquidValue.Create((long)LiquidValueKind.Object).Kind);
        Assert.Equal(LiquidValueKind.Float, LiquidValue.Create(BitConverter.Int64BitsToDouble((long)LiquidValueKind.Array)).Kind);
        Assert.Equal(LiquidValueKind.Boolean, LiquidValue.True.Kind);
        Assert.Equal(LiquidValueKind.String, LiquidValue.SafeString("x").Kind);
        Assert.True(LiquidValue.SafeString("x").IsSafe);
        Assert.False(LiquidValue.Create("x").IsSafe);
        Assert.Equal(LiquidValueKind.Array, LiquidValue.Array(1).Kind);
        Assert.Equal(LiquidValueKind.Hash, LiquidValue.Create(new LiquidObject()).Kind);
        Assert.Equal(LiquidValueKind.Object, LiquidValue.FromObject(new object()).Kind);
        Assert.Equal((LiquidValueKind.Empty, LiquidValueKind.Blank), (LiquidValue.Empty.Kind, LiquidValue.Blank.Kind));
    }

    [Theory]
    [InlineData("12", 12L)]
    [InlineData(" -3 ", -3L)]
    [InlineData("12abc", 12L)]
    [InlineData("abc", 0L)]
    public void ConvertTextToIntegersAsRuby(string text, long expected)
    {
        var number = LiquidValue.Create(text).ToNumber();

        Assert.Equal((LiquidValueKind.Integer, expected), (number.Kind, number.AsInteger));
    }

    [Fact]
    public void ConvertDecimalTextToFloats() => Assert.Equal(LiquidValueKind.Float, LiquidValue.Create("1.50").ToNumber().Kind);
}
