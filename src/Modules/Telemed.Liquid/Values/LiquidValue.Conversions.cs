using System.Globalization;
using System.Text;

namespace Telemed.Liquid.Values;

public readonly partial struct LiquidValue
{
    public bool IsEmptyValue => Kind switch
    {
        LiquidValueKind.String => ((string)_object!).Length == 0,
        LiquidValueKind.Array => ((IReadOnlyList<LiquidValue>)_object!).Count == 0,
        LiquidValueKind.Hash => ((LiquidObject)_object!).Count == 0,
        _ => false,
    };

    public bool IsBlankValue => Kind switch
    {
        LiquidValueKind.Nil => true,
        LiquidValueKind.Boolean => _bits == 0,
        LiquidValueKind.String => string.IsNullOrWhiteSpace((string)_object!),
        _ => IsEmptyValue,
    };

    /// <summary>What <c>size</c> returns: characters of a string, items of an array or hash, otherwise 0.</summary>
    public int Size => Kind switch
    {
        LiquidValueKind.String => ((string)_object!).Length,
        LiquidValueKind.Array => ((IReadOnlyList<LiquidValue>)_object!).Count,
        LiquidValueKind.Hash => ((LiquidObject)_object!).Count,
        _ => 0,
    };

    /// <summary>Ruby's <c>to_s</c>, as the output of <c>{{ value }}</c>.</summary>
    public override string ToString() => Kind switch
    {
        LiquidValueKind.String => (string)_object!,
        LiquidValueKind.Nil or LiquidValueKind.Empty or LiquidValueKind.Blank or LiquidValueKind.Object => string.Empty,
        LiquidValueKind.Boolean => _bits != 0 ? "true" : "false",
        LiquidValueKind.Integer => _bits.ToString(CultureInfo.InvariantCulture),
        LiquidValueKind.Float => FormatFloat(AsFloat),
        LiquidValueKind.DateTime => FormatDateTime(AsDateTime),
        _ => FormatComposite(),
    };

    /// <summary>Ruby's number coercion used by math filters: numeric strings parse, anything else is 0.</summary>
    public LiquidValue ToNumber() => Kind switch
    {
        LiquidValueKind.Integer or LiquidValueKind.Float => this,
        LiquidValueKind.String => ParseNumber((string)_object!),
        _ => Create(0),
    };

    /// <summary>
    /// Ruby Liquid's <c>to_integer</c> for filter and tag arguments (slice, truncate, loop limits): an
    /// integer, or text Ruby's <c>Integer()</c> reads ("12", " -3 ", "1_000", "0x1f"). Anything else,
    /// floats and nil included, is "invalid integer".
    /// </summary>
    public long ToInteger() => Kind switch
    {
        LiquidValueKind.Integer => _bits,
        LiquidValueKind.String when TryParseRubyInteger((string)_object!, out var number) => number,
        _ => throw new LiquidRuntimeError("invalid integer"),
    };

    /// <summary>
    /// Ruby's <c>Integer(text)</c>: surrounding whitespace, a sign, digits with single underscores
    /// between them, and the prefixes 0x, 0b, 0o or a leading 0 for octal. Values past 64 bits are clamped.
    /// </summary>
    internal static bool TryParseRubyInteger(string text, out long value)
    {
        value = 0;
        var span = text.AsSpan().Trim(" \t\n\v\f\r");
        var negative = false;
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        var radix = 10;
        if (span.Length > 1 && span[0] == '0')
        {
            var prefix = char.ToLowerInvariant(span[1]);
            radix = prefix switch { 'x' => 16, 'b' => 2, 'd' => 10, _ => 8 };
            span = prefix is 'x' or 'b' or 'o' or 'd' ? span[2..] : span[1..];
            if (span.Length > 0 && span[0] == '_' && prefix is not ('x' or 'b' or 'o' or 'd'))
            {
                span = span[1..];
            }
        }

        if (span.Length == 0 || span[0] == '_' || span[^1] == '_')
        {
            return false;
        }

        decimal magnitude = 0;
        var previousUnderscore = false;
        foreach (var c in span)
        {
            if (c == '_')
            {
                if (previousUnderscore)
                {
                    return false;
                }

                previousUnderscore = true;
                continue;
            }

            previousUnderscore = false;
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : int.MaxValue;
            if (digit >= radix)
            {
                return false;
            }

            // Past 64 bits the value only needs to stay past them: clamp instead of overflowing.
            magnitude = Math.Min((magnitude * radix) + digit, (decimal)long.MaxValue + 1);
        }

        value = negative ? (long)Math.Max(-magnitude, long.MinValue) : (long)Math.Min(magnitude, long.MaxValue);
        return true;
    }

    internal static LiquidValue ParseNumber(string text)
    {
        var span = text.AsSpan().Trim();
        if (IsDecimalLiteral(span) && double.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return Create(number);
        }

        // Ruby's to_i: an optional sign and the leading digits; anything else is 0.
        var index = 0;
        var negative = false;
        if (index < span.Length && (span[index] == '-' || span[index] == '+'))
        {
            negative = span[index] == '-';
            index++;
        }

        long value = 0;
        for (; index < span.Length && char.IsAsciiDigit(span[index]); index++)
        {
            value = unchecked((value * 10) + (span[index] - '0'));
        }

        return Create(negative ? -value : value);
    }

    private static bool IsDecimalLiteral(ReadOnlySpan<char> span)
    {
        var index = span.Length > 0 && span[0] == '-' ? 1 : 0;
        var digitsBefore = 0;
        while (index < span.Length && char.IsAsciiDigit(span[index]))
        {
            index++;
            digitsBefore++;
        }

        if (digitsBefore == 0 || index >= span.Length || span[index] != '.')
        {
            return false;
        }

        index++;
        var digitsAfter = 0;
        while (index < span.Length && char.IsAsciiDigit(span[index]))
        {
            index++;
            digitsAfter++;
        }

        return digitsAfter > 0 && index == span.Length;
    }

    /// <summary>Formats a float as Ruby's <c>Float#to_s</c> does: <c>1.0</c>, <c>0.1</c>, <c>1.0e+16</c>.</summary>
    internal static string FormatFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture) + ".0";
        }

        var (digits, pointPosition) = ShortestDigits(Math.Abs(value));
        var builder = new StringBuilder(24);
        if (value < 0)
        {
            builder.Append('-');
        }

        if (pointPosition > 16 || pointPosition < -3)
        {
            builder.Append(digits[0]).Append('.').Append(digits.Length > 1 ? digits[1..] : "0");
            var exponent = pointPosition - 1;
            builder.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (pointPosition <= 0)
        {
            builder.Append("0.").Append('0', -pointPosition).Append(digits);
        }
        else if (pointPosition >= digits.Length)
        {
            builder.Append(digits).Append('0', pointPosition - digits.Length).Append(".0");
        }
        else
        {
            builder.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }

        return builder.ToString();
    }

    private static (string Digits, int PointPosition) ShortestDigits(double value)
    {
        // The shortest round-trip text is either "123.45" or "1.2345E+16"; split it into digits and point position.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentIndex = text.IndexOf('E');
        var mantissa = exponentIndex < 0 ? text : text[..exponentIndex];
        var exponent = exponentIndex < 0 ? 0 : int.Parse(text.AsSpan(exponentIndex + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var pointIndex = mantissa.IndexOf('.');
        var pointPosition = (pointIndex < 0 ? mantissa.Length : pointIndex) + exponent;
        var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        return (digits.Length == 0 ? "0" : digits, pointPosition - leadingZeros);
    }

    private static string FormatDateTime(DateTimeOffset value) =>
        value.Offset == TimeSpan.Zero
            ? value.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd HH:mm:ss ", CultureInfo.InvariantCulture) + value.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", string.Empty, StringComparison.Ordinal);

    private string FormatComposite()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }

    /// <summary>Arrays print their items joined (flattened) as Ruby's <c>Array#join</c>; hashes print like Ruby's inspect.</summary>
    private void AppendTo(StringBuilder builder)
    {
        if (_object is LiquidRange range)
        {
            builder.Append(range.Start).Append("..").Append(range.End);
        }
        else if (Kind == LiquidValueKind.Array)
        {
            foreach (var item in (IReadOnlyList<LiquidValue>)_object!)
            {
                if (item.Kind is LiquidValueKind.Array or LiquidValueKind.Hash)
                {
                    item.AppendTo(builder);
                }
                else
                {
                    builder.Append(item.ToString());
                }
            }
        }
        else if (_object is LiquidObject hash)
        {
            builder.Append('{');
            var first = true;
            foreach (var pair in hash)
            {
                builder.Append(first ? "\"" : ", \"").Append(pair.Key).Append("\"=>");
                first = false;
                if (pair.Value.Kind == LiquidValueKind.String)
                {
                    builder.Append('"').Append(pair.Value.AsString).Append('"');
                }
                else if (pair.Value.IsNil)
                {
                    builder.Append("nil");
                }
                else
                {
                    pair.Value.AppendTo(builder);
                }
            }

            builder.Append('}');
        }
        else
        {
            builder.Append(ToString());
        }
    }
}
