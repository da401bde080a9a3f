using System.Diagnostics.CodeAnalysis;
using Telemed.Liquid.Values;

namespace Telemed.Liquid;

/// <summary>Parses (once, cached) and renders Liquid templates.</summary>
public interface ILiquidEngine
{
    LiquidOptions Options { get; }

    /// <summary>Parses a template or returns the cached one; throws <see cref="LiquidParseException"/>.</summary>
    LiquidTemplate Parse(string source);

    /// <summary>Parses a template for an editor: no exception, the error carries line and column.</summary>
    bool TryParse(string source, [NotNullWhen(true)] out LiquidTemplate? template, [NotNullWhen(false)] out LiquidParseException? error);

    /// <summary>Renders to a string; throws <see cref="LiquidRenderException"/> (or the parse exception).</summary>
    string Render(string source, LiquidValue model, LiquidRenderSettings? settings = null, CancellationToken cancellationToken = default);

    string Render(LiquidTemplate template, LiquidValue model, LiquidRenderSettings? settings = null, CancellationToken cancellationToken = default);

    void Render(LiquidTemplate template, LiquidValue model, TextWriter writer, LiquidRenderSettings? settings = null, CancellationToken cancellationToken = default);
}
