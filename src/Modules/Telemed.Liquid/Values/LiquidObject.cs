using System.Collections;

namespace Telemed.Liquid.Values;

/// <summary>A hash of named values (Ruby's Hash): the usual shape of a template model.</summary>
public sealed class LiquidObject : IEnumerable<KeyValuePair<string, LiquidValue>>
{
    private readonly Dictionary<string, LiquidValue> _values;

    public LiquidObject() => _values = new Dictionary<string, LiquidValue>(StringComparer.Ordinal);

    public LiquidObject(int capacity) => _values = new Dictionary<string, LiquidValue>(capacity, StringComparer.Ordinal);

    public int Count => _values.Count;

    public LiquidValue this[string name]
    {
        get => _values.TryGetValue(name, out var value) ? value : LiquidValue.Nil;
        set => _values[name] = value;
    }

    public void Add(string name, LiquidValue value) => _values[name] = value;

    public void Clear() => _values.Clear();

    public bool ContainsKey(string name) => _values.ContainsKey(name);

    public bool TryGetValue(string name, out LiquidValue value) => _values.TryGetValue(name, out value);

    public Dictionary<string, LiquidValue>.Enumerator GetEnumerator() => _values.GetEnumerator();

    IEnumerator<KeyValuePair<string, LiquidValue>> IEnumerable<KeyValuePair<string, LiquidValue>>.GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _values.GetEnumerator();
}
