using System.Collections;
using System.Runtime.InteropServices;

namespace Telemed.Liquid.Values;

/// <summary>
/// A template value. A small struct so numbers, booleans and dates never box; strings, lists
/// and objects are held by reference. <c>default</c> is nil.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly partial struct LiquidValue
{
    private const long SafeStringFlag = 1;

    private readonly object? _object;
    private readonly long _bits;
    private readonly short _offsetMinutes;

    private LiquidValue(LiquidValueKind kind, long bits, object? value, short offsetMinutes = 0)
    {
        Kind = kind;
        _bits = bits;
        _object = value;
        _offsetMinutes = offsetMinutes;
    }

    public static readonly LiquidValue Nil;
    public static readonly LiquidValue True = new(LiquidValueKind.Boolean, 1, null);
    public static readonly LiquidValue False = new(LiquidValueKind.Boolean, 0, null);
    public static readonly LiquidValue Empty = new(LiquidValueKind.Empty, 0, null);
    public static readonly LiquidValue Blank = new(LiquidValueKind.Blank, 0, null);
    public static readonly LiquidValue EmptyString = new(LiquidValueKind.String, 0, string.Empty);

    private static readonly LiquidValue[] SmallIntegers = CreateSmallIntegers();

    public LiquidValueKind Kind { get; }

    public bool IsNil => Kind == LiquidValueKind.Nil;

    /// <summary>Only <c>false</c> and <c>nil</c> are falsy, as in Ruby.</summary>
    public bool IsTruthy => Kind switch
    {
        LiquidValueKind.Nil => false,
        LiquidValueKind.Boolean => _bits != 0,
        _ => true,
    };

    public bool IsNumber => Kind is LiquidValueKind.Integer or LiquidValueKind.Float;

    /// <summary>True for a string that is already HTML-encoded or marked <c>raw</c> by the template.</summary>
    public bool IsSafe => Kind == LiquidValueKind.String && _bits == SafeStringFlag;

    public bool AsBoolean => _bits != 0;

    public long AsInteger => _bits;

    public double AsFloat => Kind == LiquidValueKind.Integer ? _bits : BitConverter.Int64BitsToDouble(_bits);

    public string? AsString => _object as string;

    public IReadOnlyList<LiquidValue>? AsArray => Kind == LiquidValueKind.Array ? (IReadOnlyList<LiquidValue>)_object! : null;

    public LiquidObject? AsHash => _object as LiquidObject;

    public DateTimeOffset AsDateTime => new(new DateTime(_bits + (_offsetMinutes * TimeSpan.TicksPerMinute)), TimeSpan.FromMinutes(_offsetMinutes));

    /// <summary>The wrapped object for <see cref="LiquidValueKind.Object"/>: an <see cref="ILiquidObject"/> or a registered instance.</summary>
    public object? ObjectReference => Kind == LiquidValueKind.Object ? _object : null;

    public static LiquidValue Create(bool value) => value ? True : False;

    public static LiquidValue Create(long value) =>
        (ulong)(value + 1) < (ulong)SmallIntegers.Length ? SmallIntegers[value + 1] : new(LiquidValueKind.Integer, value, null);

    public static LiquidValue Create(double value) => new(LiquidValueKind.Float, BitConverter.DoubleToInt64Bits(value), null);

    public static LiquidValue Create(string? value) => value is null ? Nil : new(LiquidValueKind.String, 0, value);

    /// <summary>A string the output must not encode again (it is already encoded or explicitly raw).</summary>
    public static LiquidValue SafeString(string value) => new(LiquidValueKind.String, SafeStringFlag, value);

    public static LiquidValue Create(DateTimeOffset value) =>
        new(LiquidValueKind.DateTime, value.UtcTicks, null, (short)value.Offset.TotalMinutes);

    /// <summary>Unspecified kinds are read as UTC, the way instants are stored in this product.</summary>
    public static LiquidValue Create(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => Create(new DateTimeOffset(value)),
        _ => Create(new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc))),
    };

    public static LiquidValue Create(IReadOnlyList<LiquidValue> items) => new(LiquidValueKind.Array, 0, items);

    public static LiquidValue Create(LiquidObject? hash) => hash is null ? Nil : new(LiquidValueKind.Hash, 0, hash);

    public static LiquidValue Create(ILiquidObject? value) => value is null ? Nil : new(LiquidValueKind.Object, 0, value);

    public static LiquidValue Array(params LiquidValue[] items) => Create(items);

    /// <summary>
    /// Converts a .NET value. Objects of other types are kept as opaque references whose members are
    /// readable only when registered in <see cref="LiquidMemberRegistry"/>.
    /// </summary>
    public static LiquidValue FromObject(object? value) => value switch
    {
        null => Nil,
        LiquidValue liquid => liquid,
        string text => Create(text),
        bool flag => Create(flag),
        int number => Create(number),
        long number => Create(number),
        double number => Create(number),
        decimal number => Create((double)number),
        float number => Create((double)number),
        short or byte or sbyte or ushort or uint => Create(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        DateTimeOffset instant => Create(instant),
        DateTime dateTime => Create(dateTime),
        DateOnly date => Create(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
        Enum or Guid or char or Uri or TimeSpan => Create(value.ToString()),
        LiquidObject hash => Create(hash),
        ILiquidObject liquidObject => Create(liquidObject),
        IReadOnlyList<LiquidValue> list => Create(list),
        IEnumerable<KeyValuePair<string, object?>> pairs => Create(ToHash(pairs)),
        IDictionary dictionary => Create(ToHash(dictionary)),
        IList list => Create(ToArray(list)),
        IEnumerable sequence => Create(ToArray(sequence)),
        _ => new(LiquidValueKind.Object, 0, value),
    };

    public static implicit operator LiquidValue(string? value) => Create(value);

    public static implicit operator LiquidValue(bool value) => Create(value);

    public static implicit operator LiquidValue(int value) => Create(value);

    public static implicit operator LiquidValue(long value) => Create(value);

    public static implicit operator LiquidValue(double value) => Create(value);

    public static implicit operator LiquidValue(decimal value) => Create((double)value);

    public static implicit operator LiquidValue(DateTimeOffset value) => Create(value);

    public static implicit operator LiquidValue(DateTime value) => Create(value);

    public static implicit operator LiquidValue(LiquidObject? value) => Create(value);

    public static implicit operator LiquidValue(LiquidValue[] value) => Create(value);

    private static LiquidObject ToHash(IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        var hash = new LiquidObject();
        foreach (var pair in pairs)
        {
            hash[pair.Key] = FromObject(pair.Value);
        }

        return hash;
    }

    private static LiquidObject ToHash(IDictionary dictionary)
    {
        var hash = new LiquidObject(dictionary.Count);
        foreach (DictionaryEntry entry in dictionary)
        {
            hash[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = FromObject(entry.Value);
        }

        return hash;
    }

    /// <summary>Lists convert once, so loops and filters read plain values afterwards.</summary>
    private static LiquidValue[] ToArray(IList list)
    {
        var items = new LiquidValue[list.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = FromObject(list[i]);
        }

        return items;
    }

    private static LiquidValue[] ToArray(IEnumerable sequence)
    {
        var items = new List<LiquidValue>();
        foreach (var item in sequence)
        {
            items.Add(FromObject(item));
        }

        return [.. items];
    }

    private static LiquidValue[] CreateSmallIntegers()
    {
        var values = new LiquidValue[258];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new LiquidValue(LiquidValueKind.Integer, i - 1, null);
        }

        return values;
    }
}
