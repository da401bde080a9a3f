using Telemed.Liquid.Parsing;
using Telemed.Liquid.Syntax;
using Telemed.Liquid.Values;

namespace Telemed.Liquid;

/// <summary>A parsed template: immutable, cached by its source text and safe to render from many threads.</summary>
public sealed class LiquidTemplate
{
    internal LiquidTemplate(LiquidEngine engine, string source, string? name, TemplateParser.ParsedBody parsed, LineMap lines)
    {
        Engine = engine;
        Source = source;
        Name = name;
        Body = parsed.Nodes;
        UsesContinueOffset = parsed.UsesContinueOffset;
        VariableSlots = parsed.VariableSlots;
        Lines = lines;
    }

    public string Source { get; }

    /// <summary>The partial name, or null for a top-level template.</summary>
    public string? Name { get; }

    internal LiquidEngine Engine { get; }

    internal Node[] Body { get; }

    internal LineMap Lines { get; }

    /// <summary>Whether a loop uses <c>offset: continue</c>; only then do loops record where they stopped.</summary>
    internal bool UsesContinueOffset { get; }

    /// <summary>Distinct root variable names; a render caches their model values by slot.</summary>
    internal int VariableSlots { get; }

    public string Render(LiquidValue model, LiquidRenderSettings? settings = null, CancellationToken cancellationToken = default) =>
        Engine.Render(this, model, settings, cancellationToken);

    public void Render(LiquidValue model, TextWriter writer, LiquidRenderSettings? settings = null, CancellationToken cancellationToken = default) =>
        Engine.Render(this, model, writer, settings, cancellationToken);
}
