using System.Diagnostics.CodeAnalysis;
using Telemed.Liquid.Parsing;
using Telemed.Liquid.Rendering;
using Telemed.Liquid.Syntax;
using Telemed.Liquid.Values;

namespace Telemed.Liquid;

public sealed class LiquidEngine : ILiquidEngine
{
    [ThreadStatic]
    private static LiquidRenderContext? s_cachedContext;

    private readonly TemplateCache _cache;

    public LiquidEngine(LiquidOptions? options = null, ILiquidTemplateStore? templateStore = null)
    {
        Options = options ?? new LiquidOptions();
        TemplateStore = templateStore;
        _cache = new TemplateCache(Options.TemplateCacheSize);
    }

    public LiquidOptions Options { get; }

    public ILiquidTemplateStore? TemplateStore { get; }

    internal int CachedTemplateCount => _cache.Count;

    public LiquidTemplate Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _cache.GetOrAdd(null, source, ParseUncached);
    }

    public bool TryParse(string source, [NotNullWhen(true)] out LiquidTemplate? template, [NotNullWhen(false)] out LiquidParseException? error)
    {
        try
        {
            template = Parse(source);
            error = null;
            return true;
        }
        catch (LiquidParseException exception)
        {
            template = null;
            error = exception;
            return false;
        }
    }

    public string Render(string source, LiquidValue model, LiquidRenderSettings? settings = null, CancellationToken cancellationToken = default) =>
        Render(Parse(source), model, settings, cancellationToken);

    public string Render(LiquidTemplate template, LiquidValue model, LiquidRenderSettings? settings = null, CancellationToken cancellationToken = default)
    {
        return RenderCore(template, model, null, settings ?? LiquidRenderSettings.PlainText, cancellationToken)!;
    }

    public void Render(LiquidTemplate template, LiquidValue model, TextWriter writer, LiquidRenderSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        RenderCore(template, model, writer, settings ?? LiquidRenderSettings.PlainText, cancellationToken);
    }

    /// <summary>Drops every cached template, e.g. after partials changed.</summary>
    public void ClearCache() => _cache.Clear();

    internal LiquidTemplate GetPartial(string name, ILiquidTemplateStore? store)
    {
        if (store is null || !store.TryGetTemplate(name, out var source))
        {
            throw new LiquidRuntimeError($"Partial '{name}' was not found");
        }

        return _cache.GetOrAdd(name, source, ParseUncached);
    }

    /// <summary>Renders into <paramref name="writer"/>, or returns the output as a string when it is null.</summary>
    private string? RenderCore(LiquidTemplate template, LiquidValue model, TextWriter? writer, LiquidRenderSettings settings, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(template.Engine, this))
        {
            throw new ArgumentException("The template was parsed by another engine.", nameof(template));
        }

        // A render on this thread (e.g. from a filter inside a render) finds no cached context and makes its own.
        var context = s_cachedContext ?? new LiquidRenderContext();
        s_cachedContext = null;
        try
        {
            context.Begin(this, template, model, settings, cancellationToken);
            context.RootOutput.Reset(writer, settings.HtmlEncode, Options.MaxOutputLength);
            Body.Render(template.Body, context);
            if (writer is null)
            {
                return context.RootOutput.ToString();
            }

            context.RootOutput.Flush();
            return null;
        }
        finally
        {
            context.End();
            s_cachedContext = context;
        }
    }

    private LiquidTemplate ParseUncached(string? name, string source)
    {
        var lines = new LineMap(source);
        var parsed = TemplateParser.Parse(source, lines, name, Options);
        return new LiquidTemplate(this, source, name, parsed, lines);
    }
}
