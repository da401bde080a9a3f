using System.Collections;

namespace Telemed.Liquid.Values;

/// <summary>A hash of named values (Ruby's Hash), in insertion order: the usual shape of a template model.</summary>
/// <remarks>
/// Most hashes are small (a template's model, one row of data), so keys are searched in order, by
/// reference first: templates intern their names, and the keys a model is built with are usually
/// literals, so a lookup is mostly a few pointer comparisons. Larger hashes get a dictionary index.
/// </remarks>
public sealed class LiquidObject : IEnumerable<KeyValuePair<string, LiquidValue>>
{
    private const int IndexThreshold = 8;

    private string[] _keys;
    private LiquidValue[] _values;
    private int _count;
    private Dictionary<string, int>? _index;

    public LiquidObject()
        : this(4)
    {
    }

    public LiquidObject(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _keys = new string[capacity];
        _values = new LiquidValue[capacity];
    }

    public int Count => _count;

    public LiquidValue this[string name]
    {
        get => TryGetValue(name, out var value) ? value : LiquidValue.Nil;
        set => Set(name, value);
    }

    public void Add(string name, LiquidValue value) => Set(name, value);

    public void Clear()
    {
        Array.Clear(_keys, 0, _count);
        Array.Clear(_values, 0, _count);
        _count = 0;
        _index = null;
    }

    public bool ContainsKey(string name) => IndexOf(name) >= 0;

    public bool TryGetValue(string name, out LiquidValue value)
    {
        var position = IndexOf(name);
        if (position < 0)
        {
            value = LiquidValue.Nil;
            return false;
        }

        value = _values[position];
        return true;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, LiquidValue>> IEnumerable<KeyValuePair<string, LiquidValue>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_index is not null)
        {
            return _index.TryGetValue(name, out var indexed) ? indexed : -1;
        }

        var keys = _keys;
        var count = Math.Min(_count, keys.Length);
        for (var i = 0; i < count; i++)
        {
            if (ReferenceEquals(keys[i], name))
            {
                return i;
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (string.Equals(keys[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void Set(string name, LiquidValue value)
    {
        var position = IndexOf(name);
        if (position >= 0)
        {
            _values[position] = value;
            return;
        }

        if (_count == _keys.Length)
        {
            var capacity = Math.Max(4, _keys.Length * 2);
            Array.Resize(ref _keys, capacity);
            Array.Resize(ref _values, capacity);
        }

        _keys[_count] = name;
        _values[_count] = value;
        _index?.Add(name, _count);
        _count++;
        if (_index is null && _count > IndexThreshold)
        {
            _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
            for (var i = 0; i < _count; i++)
            {
                _index[_keys[i]] = i;
            }
        }
    }

    /// <summary>Walks the pairs in insertion order without allocating.</summary>
    public struct Enumerator(LiquidObject hash) : IEnumerator<KeyValuePair<string, LiquidValue>>
    {
        private int _position = -1;

        public readonly KeyValuePair<string, LiquidValue> Current => new(hash._keys[_position], hash._values[_position]);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_position < hash._count;

        public void Reset() => _position = -1;

        public readonly void Dispose()
        {
        }
    }
}
