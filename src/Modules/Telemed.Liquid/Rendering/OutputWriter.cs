using System.Globalization;
using System.Text;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Rendering;

/// <summary>
/// Where a render writes: a <see cref="StringBuilder"/> or a <see cref="TextWriter"/>. It counts what
/// is written against the output limit and, in HTML mode, encodes every value not marked safe.
/// </summary>
internal sealed class OutputWriter
{
    private StringBuilder? _builder;
    private TextWriter? _writer;
    private int _maxLength;
    private int _length;

    public OutputWriter()
    {
    }

    public OutputWriter(StringBuilder builder, bool htmlEncode, int maxLength) => Reset(builder, null, htmlEncode, maxLength);

    public bool HtmlEncode { get; private set; }

    public int MaxLength => _maxLength;

    public void Reset(StringBuilder? builder, TextWriter? writer, bool htmlEncode, int maxLength)
    {
        _builder = builder;
        _writer = writer;
        HtmlEncode = htmlEncode;
        _maxLength = maxLength;
        _length = 0;
    }

    public void Release() => Reset(null, null, false, 0);

    public void Write(string text)
    {
        Count(text.Length);
        if (_builder is not null)
        {
            _builder.Append(text);
        }
        else
        {
            _writer!.Write(text);
        }
    }

    public void Write(ReadOnlySpan<char> text)
    {
        Count(text.Length);
        if (_builder is not null)
        {
            _builder.Append(text);
        }
        else
        {
            _writer!.Write(text);
        }
    }

    public void WriteValue(LiquidValue value)
    {
        switch (value.Kind)
        {
            case LiquidValueKind.String:
                WriteText(value.AsString!, encode: HtmlEncode && !value.IsSafe);
                break;
            case LiquidValueKind.Integer:
                Span<char> digits = stackalloc char[20];
                value.AsInteger.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
                Write(digits[..written]);
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

    private void WriteText(string text, bool encode)
    {
        if (!encode || !HtmlEncoding.NeedsEncoding(text))
        {
            Write(text);
            return;
        }

        var remaining = text.AsSpan();
        while (remaining.Length > 0)
        {
            var index = remaining.IndexOfAny("&<>\"'");
            if (index < 0)
            {
                Write(remaining);
                return;
            }

            Write(remaining[..index]);
            Write(HtmlEncoding.Entity(remaining[index]));
            remaining = remaining[(index + 1)..];
        }
    }

    private void Count(int length)
    {
        _length += length;
        if (_length > _maxLength)
        {
            throw new LiquidLimitError(LiquidLimit.OutputLength, $"The output is longer than the limit of {_maxLength:N0} characters");
        }
    }
}
