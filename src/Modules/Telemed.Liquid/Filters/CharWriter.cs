using System.Buffers;
using System.Globalization;

namespace Telemed.Liquid.Filters;

/// <summary>Builds short strings in a stack buffer, renting a larger one only if it overflows.</summary>
internal ref struct CharWriter(Span<char> initial)
{
    private Span<char> _chars = initial;
    private char[]? _rented;
    private int _length;

    public void Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = c;
    }

    public void Append(scoped ReadOnlySpan<char> text)
    {
        if (_length + text.Length > _chars.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_chars[_length..]);
        _length += text.Length;
    }

    public void Append(char c, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Append(c);
        }
    }

    public void Append(long value)
    {
        if (_length + 20 > _chars.Length)
        {
            Grow(20);
        }

        value.TryFormat(_chars[_length..], out var written, provider: CultureInfo.InvariantCulture);
        _length += written;
    }

    public readonly ReadOnlySpan<char> Written => _chars[.._length];

    /// <summary>True once the text outgrew the initial span and moved to a rented buffer.</summary>
    public readonly bool MovedToRentedBuffer => _rented is not null;

    public readonly int Length => _length;

    public override string ToString() => _chars[.._length].ToString();

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
        }
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + needed));
        _chars[.._length].CopyTo(larger);
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
        }

        _rented = larger;
        _chars = larger;
    }
}
