namespace Telemed.Liquid;

/// <summary>
/// A template error a clinic admin can act on: where it is (1-based line and column, and the
/// partial when it is not the main template) and what is wrong.
/// </summary>
public abstract class LiquidException : Exception
{
    protected LiquidException(string reason, int line, int column, string? templateName, Exception? inner = null)
        : base(Format(reason, line, column, templateName), inner)
    {
        Reason = reason;
        Line = line;
        Column = column;
        TemplateName = templateName;
    }

    /// <summary>The problem without its location, e.g. "Unknown tag 'endiff'".</summary>
    public string Reason { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The partial the error is in, or null for the template being rendered.</summary>
    public string? TemplateName { get; }

    private static string Format(string reason, int line, int column, string? templateName) =>
        templateName is null
            ? $"Line {line}, column {column}: {reason}"
            : $"Partial '{templateName}', line {line}, column {column}: {reason}";
}

/// <summary>The template text is not valid Liquid.</summary>
public sealed class LiquidParseException(string reason, int line, int column, string? templateName = null)
    : LiquidException(reason, line, column, templateName);

/// <summary>The template is valid but could not be rendered with the values it was given.</summary>
public class LiquidRenderException(string reason, int line, int column, string? templateName = null, Exception? inner = null)
    : LiquidException(reason, line, column, templateName, inner);

/// <summary>Rendering stopped because it went past one of the limits in <see cref="LiquidOptions"/>.</summary>
public sealed class LiquidLimitExceededException(LiquidLimit limit, string reason, int line, int column, string? templateName = null)
    : LiquidRenderException(reason, line, column, templateName)
{
    public LiquidLimit Limit { get; } = limit;
}

public enum LiquidLimit
{
    LoopIterations,
    OutputLength,
    Depth,
    RenderTime,
}

/// <summary>
/// Raised inside filters and evaluation without a location; the node that was rendering adds
/// the line and column when it turns this into a <see cref="LiquidRenderException"/>.
/// </summary>
public class LiquidRuntimeError(string message) : Exception(message)
{
    internal int Position { get; set; } = -1;
}

internal sealed class LiquidLimitError(LiquidLimit limit, string message) : LiquidRuntimeError(message)
{
    public LiquidLimit Limit { get; } = limit;
}
