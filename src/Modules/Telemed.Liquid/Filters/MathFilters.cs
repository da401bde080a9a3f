using Telemed.Liquid.Values;

namespace Telemed.Liquid.Filters;

/// <summary>
/// Math with Ruby Liquid's types: integers stay integers (division floors), anything with a float
/// is computed in decimal and returned as a float, so 0.1 plus 0.2 is 0.3. Dividing by zero is an error.
/// </summary>
internal static class MathFilters
{
    private enum Operation
    {
        Add,
        Subtract,
        Multiply,
        Divide,
        Modulo,
    }

    public static void Register(LiquidFilterRegistry registry) => registry
        .Add("plus", (input, args, _) => Apply(input, args[0], Operation.Add), 1, 1)
        .Add("minus", (input, args, _) => Apply(input, args[0], Operation.Subtract), 1, 1)
        .Add("times", (input, args, _) => Apply(input, args[0], Operation.Multiply), 1, 1)
        .Add("divided_by", (input, args, _) => Apply(input, args[0], Operation.Divide), 1, 1)
        .Add("modulo", (input, args, _) => Apply(input, args[0], Operation.Modulo), 1, 1)
        .Add("abs", (input, _, _) => Abs(input.ToNumber()), 0, 0)
        .Add("ceil", (input, _, _) => (long)Math.Ceiling(input.ToNumber().AsFloat), 0, 0)
        .Add("floor", (input, _, _) => (long)Math.Floor(input.ToNumber().AsFloat), 0, 0)
        .Add("round", (input, args, _) => Round(input.ToNumber(), args.Count > 0 ? (long)Math.Truncate(args[0].ToNumber().AsFloat) : 0), 0, 1)
        .Add("at_least", (input, args, _) => Pick(input.ToNumber(), args[0].ToNumber(), larger: true), 1, 1)
        .Add("at_most", (input, args, _) => Pick(input.ToNumber(), args[0].ToNumber(), larger: false), 1, 1);

    internal static LiquidValue Add(LiquidValue left, LiquidValue right) => Apply(left, right, Operation.Add);

    private static LiquidValue Apply(LiquidValue left, LiquidValue right, Operation operation)
    {
        var a = left.ToNumber();
        var b = right.ToNumber();
        if (operation is Operation.Divide or Operation.Modulo && b.AsFloat == 0)
        {
            throw new LiquidRuntimeError("divided by 0");
        }

        if (a.Kind == LiquidValueKind.Integer && b.Kind == LiquidValueKind.Integer)
        {
            return ApplyIntegers(a.AsInteger, b.AsInteger, operation);
        }

        try
        {
            return (double)ApplyDecimals(ToDecimal(a), ToDecimal(b), operation);
        }
        catch (OverflowException)
        {
            return ApplyDoubles(a.AsFloat, b.AsFloat, operation);
        }
    }

    private static LiquidValue ApplyIntegers(long a, long b, Operation operation)
    {
        try
        {
            return operation switch
            {
                Operation.Add => checked(a + b),
                Operation.Subtract => checked(a - b),
                Operation.Multiply => checked(a * b),
                Operation.Divide => FloorDivide(a, b),
                _ => ((a % b) + b) % b,
            };
        }
        catch (OverflowException)
        {
            return ApplyDoubles(a, b, operation);
        }
    }

    /// <summary>Ruby's integer division rounds towards negative infinity: -7 / 2 is -4.</summary>
    private static long FloorDivide(long a, long b)
    {
        var quotient = a / b;
        return (a % b != 0) && ((a < 0) != (b < 0)) ? quotient - 1 : quotient;
    }

    private static decimal ApplyDecimals(decimal a, decimal b, Operation operation) => operation switch
    {
        Operation.Add => a + b,
        Operation.Subtract => a - b,
        Operation.Multiply => a * b,
        Operation.Divide => a / b,
        _ => a - (b * Math.Floor(a / b)),
    };

    private static double ApplyDoubles(double a, double b, Operation operation) => operation switch
    {
        Operation.Add => a + b,
        Operation.Subtract => a - b,
        Operation.Multiply => a * b,
        Operation.Divide => a / b,
        _ => a - (b * Math.Floor(a / b)),
    };

    /// <summary>Converts as Ruby's BigDecimal(float.to_s) does: through the shortest text, so 0.1 stays 0.1.</summary>
    private static decimal ToDecimal(LiquidValue number) =>
        number.Kind == LiquidValueKind.Integer ? number.AsInteger : (decimal)number.AsFloat;

    private static LiquidValue Abs(LiquidValue number) =>
        number.Kind == LiquidValueKind.Integer ? LiquidValue.Create(Math.Abs(number.AsInteger)) : LiquidValue.Create(Math.Abs(number.AsFloat));

    private static LiquidValue Round(LiquidValue number, long digits)
    {
        if (number.Kind == LiquidValueKind.Integer)
        {
            return number;
        }

        if (digits <= 0)
        {
            return (long)Math.Round(number.AsFloat, MidpointRounding.AwayFromZero);
        }

        try
        {
            return (double)Math.Round(ToDecimal(number), (int)Math.Min(digits, 28), MidpointRounding.AwayFromZero);
        }
        catch (OverflowException)
        {
            return number;
        }
    }

    private static LiquidValue Pick(LiquidValue a, LiquidValue b, bool larger)
    {
        var comparison = LiquidValue.Compare(a, b) ?? 0;
        var result = larger ? (comparison >= 0 ? a : b) : (comparison <= 0 ? a : b);
        return result;
    }
}
