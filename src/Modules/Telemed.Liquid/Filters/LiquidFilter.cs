using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Filters;

/// <summary>A filter: <c>{{ input | name: arguments }}</c>. Throw <see cref="LiquidRuntimeError"/> for a mistake in the template.</summary>
public delegate LiquidValue LiquidFilter(LiquidValue input, FilterArguments arguments, LiquidRenderContext context);

/// <summary>The evaluated arguments of one filter call, positional and named, without allocating.</summary>
public readonly struct FilterArguments
{
    private readonly LiquidValue[]? _values;
    private readonly int _start;
    private readonly int _count;
    private readonly string[]? _names;

    internal FilterArguments(LiquidValue[] values, int start, int count, string[] names)
    {
        _values = values;
        _start = start;
        _count = count;
        _names = names;
    }

    internal int Start => _start;

    /// <summary>The number of positional arguments.</summary>
    public int Count => _count;

    /// <summary>A positional argument, or nil when it was not given.</summary>
    public LiquidValue this[int index] => (uint)index < (uint)_count ? _values![_start + index] : LiquidValue.Nil;

    /// <summary>A named argument such as <c>allow_false: true</c>, or nil when it was not given.</summary>
    public LiquidValue this[string name]
    {
        get
        {
            if (_names is not null)
            {
                for (var i = 0; i < _names.Length; i++)
                {
                    if (_names[i] == name)
                    {
                        return _values![_start + _count + i];
                    }
                }
            }

            return LiquidValue.Nil;
        }
    }
}
