namespace Telemed.Liquid.Parsing;

/// <summary>A syntax mistake at an offset of the template text; the template parser adds line and column.</summary>
internal sealed class MarkupSyntaxError(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}
