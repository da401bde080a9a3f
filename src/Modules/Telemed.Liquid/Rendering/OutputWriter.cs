using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Rendering;

/// <summary>
/// Collects a render's output in a reusable character buffer, counting it against the output
/// limit. With a <see cref="TextWriter"/> the buffer is flushed as it fills. In HTML mode every
/// value not marked safe is encoded on the way in.
/// </summary>
internal sealed class OutputWriter
{
    private const int FlushThreshold = 4096;
    private const int MaxRetainedCapacity = 64 * 1024;

    private char[] _buffer;
    private int _position;
    private int _flushed;
    private int _maxLength;
    private TextWriter? _writer;

    public OutputWriter(int capacity = 1024) => _buffer = new char[capacity];

    public bool HtmlEncode { get; private set; }

    public int MaxLength => _maxLength;

    public void Reset(TextWriter? writer, bool htmlEncode, int maxLength)
    {
        _writer = writer;
        HtmlEncode = htmlEncode;
        _maxLength = maxLength;
        _position = 0;
        _flushed = 0;
    }

    /// <summary>Drops the writer and, after an unusually large render, the large buffer.</summary>
    public void Release()
    {
        _writer = null;
        _position = 0;
        if (_buffer.Length > MaxRetainedCapacity)
        {
            _buffer = new char[1024];
        }
    }

    public override string ToString() => new(_buffer, 0, _position);

    public void Flush()
    {
        if (_writer is not null && _position > 0)
        {
            _writer.Write(_buffer, 0, _position);
            _flushed += _position;
            _position = 0;
        }
    }

    public void Write(string text) => Write(text.AsSpan());

    public void Write(ReadOnlySpan<char> text)
    {
        var end = _position + text.Length;
        if ((uint)end > (uint)_buffer.Length || _flushed + end > _maxLength)
        {
            MakeRoom(text.Length);
            end = _position + text.Length;
        }

        Copy(text, ref _buffer[_position]);
        _position = end;
    }

    /// <summary>
    /// Most writes are a few characters (markup between outputs, names, numbers): copy those with two
    /// overlapping moves inline instead of calling the general memory copy. The caller made room.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(ReadOnlySpan<char> text, ref char destination)
    {
        ref var source = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text));
        ref var target = ref Unsafe.As<char, byte>(ref destination);
        var bytes = (uint)text.Length * sizeof(char);
        if (bytes is >= 8 and <= 16)
        {
            Unsafe.WriteUnaligned(ref target, Unsafe.ReadUnaligned<ulong>(ref source));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, bytes - 8), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, bytes - 8)));
        }
        else if (bytes is > 16 and <= 32)
        {
            Unsafe.WriteUnaligned(ref target, Unsafe.ReadUnaligned<Vector128<byte>>(ref source));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, bytes - 16), Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.Add(ref source, bytes - 16)));
        }
        else if (bytes is >= 4 and < 8)
        {
            Unsafe.WriteUnaligned(ref target, Unsafe.ReadUnaligned<uint>(ref source));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, bytes - 4), Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, bytes - 4)));
        }
        else if (bytes == 2)
        {
            Unsafe.WriteUnaligned(ref target, Unsafe.ReadUnaligned<ushort>(ref source));
        }
        else if (bytes != 0)
        {
            Unsafe.CopyBlockUnaligned(ref target, ref source, bytes);
        }
    }

    /// <summary>Free space for at least <paramref name="sizeHint"/> characters; <see cref="Advance"/> then keeps what was written.</summary>
    public Span<char> GetSpan(int sizeHint)
    {
        if (_position + sizeHint > _buffer.Length)
        {
            EnsureCapacity(sizeHint);
        }

        return _buffer.AsSpan(_position);
    }

    public void Advance(int count)
    {
        if (_flushed + _position + count > _maxLength)
        {
            throw OutputTooLong();
        }

        _position += count;
    }

    public void WriteValue(LiquidValue value)
    {
        if (value.AsString is { } text)
        {
            WriteText(text, encode: HtmlEncode && !value.HasSafeFlag);
            return;
        }

        switch (value.Kind)
        {
            case LiquidValueKind.Integer:
                value.AsInteger.TryFormat(GetSpan(20), out var written, provider: CultureInfo.InvariantCulture);
                Advance(written);
                break;
            case LiquidValueKind.Nil or LiquidValueKind.Empty or LiquidValueKind.Blank:
                break;
            case LiquidValueKind.Boolean:
                Write(value.AsBoolean ? "true" : "false");
                break;
            default:
                WriteText(value.ToString(), encode: HtmlEncode);
                break;
        }
    }

    public void WriteText(ReadOnlySpan<char> text, bool encode)
    {
        var remaining = text;
        if (encode)
        {
            int index;
            while ((index = HtmlEncoding.IndexOfSpecial(remaining)) >= 0)
            {
                Write(remaining[..index]);
                Write(HtmlEncoding.Entity(remaining[index]));
                remaining = remaining[(index + 1)..];
            }
        }

        Write(remaining);
    }

    private void MakeRoom(int length)
    {
        if (_flushed + _position + length > _maxLength)
        {
            throw OutputTooLong();
        }

        EnsureCapacity(length);
    }

    private void EnsureCapacity(int length)
    {
        if (_writer is not null && _position + length > FlushThreshold)
        {
            Flush();
        }

        if (_position + length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _position + length));
        }
    }

    private LiquidLimitError OutputTooLong() =>
        new(LiquidLimit.OutputLength, $"The output is longer than the limit of {_maxLength:N0} characters");
}
