using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Telemed.Liquid.Values;

/// <summary>
/// A template value: 16 bytes, so it travels in registers, and numbers, booleans and dates never
/// box. Strings, lists and objects are held by reference with their kind in the payload bits;
/// numbers, booleans and dates hold their payload in the bits and a shared marker tells their kind
/// (a date's marker also carries its UTC offset). <c>default</c> is nil.
/// </summary>
public readonly partial struct LiquidValue
{
    private const long SafeStringFlag = 0x100;

    private static readonly KindMarker BooleanMarker = new(LiquidValueKind.Boolean);
    private static readonly KindMarker IntegerMarker = new(LiquidValueKind.Integer);
    private static readonly KindMarker FloatMarker = new(LiquidValueKind.Float);
    private static readonly KindMarker[] DateMarkers = new KindMarker[(2 * KindMarker.MaxOffsetMinutes) + 1];
    private static readonly ConcurrentDictionary<(string ZoneId, short Offset), KindMarker> ZoneMarkers = new();

    private readonly object? _object;
    private readonly long _bits;

    private LiquidValue(object? value, long bits)
    {
        _object = value;
        _bits = bits;
    }

    public static readonly LiquidValue Nil;
    public static readonly LiquidValue True = new(BooleanMarker, 1);
    public static readonly LiquidValue False = new(BooleanMarker, 0);
    public static readonly LiquidValue Empty = new(new KindMarker(LiquidValueKind.Empty), 0);
    public static readonly LiquidValue Blank = new(new KindMarker(LiquidValueKind.Blank), 0);
    public static readonly LiquidValue EmptyString = new(string.Empty, (long)LiquidValueKind.String);

    public LiquidValueKind Kind
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var value = _object;
            if (value is null)
            {
                return LiquidValueKind.Nil;
            }

            return value.GetType() == typeof(KindMarker) ? Unsafe.As<KindMarker>(value).Kind : (LiquidValueKind)(byte)_bits;
        }
    }

    public bool IsNil => _object is null;

    /// <summary>Only <c>false</c> and <c>nil</c> are falsy, as in Ruby.</summary>
    public bool IsTruthy => _object is not null && (!ReferenceEquals(_object, BooleanMarker) || _bits != 0);

    public bool IsNumber => ReferenceEquals(_object, IntegerMarker) || ReferenceEquals(_object, FloatMarker);

    /// <summary>True for a string that is already HTML-encoded or marked <c>raw</c> by the template.</summary>
    public bool IsSafe => _object is string && (_bits & SafeStringFlag) != 0;

    /// <summary><see cref="IsSafe"/> for a value already known to be a string.</summary>
    internal bool HasSafeFlag => (_bits & SafeStringFlag) != 0;

    public bool AsBoolean => _bits != 0;

    public long AsInteger => _bits;

    public double AsFloat => ReferenceEquals(_object, IntegerMarker) ? _bits : BitConverter.Int64BitsToDouble(_bits);

    public string? AsString => _object as string;

    public IReadOnlyList<LiquidValue>? AsArray => Kind == LiquidValueKind.Array ? Unsafe.As<IReadOnlyList<LiquidValue>>(_object) : null;

    public LiquidObject? AsHash => _object as LiquidObject;

    public DateTimeOffset AsDateTime
    {
        get
        {
            var offset = ((KindMarker)_object!).OffsetMinutes;
            return new DateTimeOffset(new DateTime(_bits + (offset * TimeSpan.TicksPerMinute)), TimeSpan.FromMinutes(offset));
        }
    }

    /// <summary>The wrapped object for <see cref="LiquidValueKind.Object"/>: an <see cref="ILiquidObject"/> or a registered instance.</summary>
    public object? ObjectReference => Kind == LiquidValueKind.Object ? _object : null;

    public static LiquidValue Create(bool value) => value ? True : False;

    public static LiquidValue Create(long value) => new(IntegerMarker, value);

    public static LiquidValue Create(double value) => new(FloatMarker, BitConverter.DoubleToInt64Bits(value));

    public static LiquidValue Create(string? value) => value is null ? Nil : new(value, (long)LiquidValueKind.String);

    /// <summary>A string the output must not encode again (it is already encoded or explicitly raw).</summary>
    public static LiquidValue SafeString(string value) => new(value, (long)LiquidValueKind.String | SafeStringFlag);

    public static LiquidValue Create(DateTimeOffset value)
    {
        var offset = (int)value.Offset.TotalMinutes;
        var index = offset + KindMarker.MaxOffsetMinutes;
        var marker = DateMarkers[index] ??= new KindMarker(LiquidValueKind.DateTime, (short)offset);
        return new(marker, value.UtcTicks);
    }

    /// <summary>A local time in a named zone, which <c>%Z</c> then prints by its abbreviation (BST, EDT).</summary>
    public static LiquidValue Create(DateTimeOffset value, TimeZoneInfo zone)
    {
        var offset = (short)value.Offset.TotalMinutes;
        var marker = ZoneMarkers.GetOrAdd((zone.Id, offset), static (key, zone) => new KindMarker(LiquidValueKind.DateTime, key.Offset, zone), zone);
        return new(marker, value.UtcTicks);
    }

    /// <summary>The zone a date was converted to, if it was; null for dates that only carry an offset.</summary>
    internal TimeZoneInfo? TimeZone => (_object as KindMarker)?.Zone;

    /// <summary>Unspecified kinds are read as UTC, the way instants are stored in this product.</summary>
    public static LiquidValue Create(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => Create(new DateTimeOffset(value)),
        _ => Create(new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc))),
    };

    public static LiquidValue Create(IReadOnlyList<LiquidValue> items) => new(items, (long)LiquidValueKind.Array);

    public static LiquidValue Create(LiquidObject? hash) => hash is null ? Nil : new(hash, (long)LiquidValueKind.Hash);

    public static LiquidValue Create(ILiquidObject? value) => value is null ? Nil : new(value, (long)LiquidValueKind.Object);

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
        _ => new(value, (long)LiquidValueKind.Object),
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

    /// <summary>Tells the kind of a value held in the bits; dates' markers also carry the UTC offset.</summary>
    private sealed class KindMarker(LiquidValueKind kind, short offsetMinutes = 0, TimeZoneInfo? zone = null)
    {
        public const int MaxOffsetMinutes = 14 * 60;

        public LiquidValueKind Kind { get; } = kind;

        public short OffsetMinutes { get; } = offsetMinutes;

        public TimeZoneInfo? Zone { get; } = zone;
    }
}
