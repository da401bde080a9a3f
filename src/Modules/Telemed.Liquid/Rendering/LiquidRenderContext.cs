using Telemed.Liquid.Values;

namespace Telemed.Liquid.Rendering;

/// <summary>
/// The state of one render: variables in scope, counters, loop state, the output and the
/// limits. Filters receive it to read members, the time and the encoding mode.
/// </summary>
/// <remarks>
/// The engine keeps one root context per thread and resets it between renders, so rendering a
/// template allocates almost nothing besides its output. Partials get their own small context
/// sharing the root's output, limits, clock and argument stack.
/// </remarks>
public sealed partial class LiquidRenderContext
{
    private readonly LiquidRenderContext _root;
    private LiquidValue _model;
    private DateTimeOffset? _now;
    private Dictionary<string, int>? _cycles;
    private Dictionary<string, long>? _forOffsets;

    internal LiquidRenderContext()
    {
        _root = this;
        Budget = new RenderBudget();
        Arguments = new ArgumentStack();
        RootOutput = new OutputWriter();
        Output = RootOutput;
    }

    private LiquidRenderContext(LiquidRenderContext parent, LiquidTemplate partial)
    {
        _root = parent._root;
        Engine = parent.Engine;
        Settings = parent.Settings;
        Template = partial;
        Budget = parent.Budget;
        Arguments = parent.Arguments;
        RootOutput = parent.RootOutput;
        Output = parent.Output;
        LastIfChanged = parent.LastIfChanged;
        IsIsolated = true;
    }

    /// <summary>True in a partial rendered by <c>render</c>, which sees only what it was passed: <c>include</c> is refused there, as in Shopify.</summary>
    internal bool IsIsolated { get; }

    /// <summary>True when rendering HTML: every output not marked <c>raw</c> is encoded.</summary>
    public bool HtmlEncode => Output.HtmlEncode;

    /// <summary>The moment the render started, used for "now" and "today"; read from the clock once, when first needed.</summary>
    public DateTimeOffset Now => _root._now ??= _root.Settings.Clock.GetUtcNow();

    public LiquidOptions Options => Engine.Options;

    public TimeZoneInfo DefaultTimeZone => Settings.TimeZone ?? Engine.Options.DefaultTimeZone;

    public LiquidRenderSettings Settings { get; private set; } = LiquidRenderSettings.PlainText;

    internal ILiquidTemplateStore? TemplateStore => Settings.TemplateStore ?? Engine.TemplateStore;

    internal bool StrictVariables => Engine.Options.StrictVariables;

    internal bool StrictFilters => Engine.Options.StrictFilters;

    internal LiquidEngine Engine { get; private set; } = null!;

    internal LiquidTemplate Template { get; private set; } = null!;

    internal OutputWriter RootOutput { get; }

    internal OutputWriter Output { get; set; }

    internal RenderBudget Budget { get; }

    internal ArgumentStack Arguments { get; }

    /// <summary>What the last <c>ifchanged</c> wrote; a partial starts from its caller's and keeps its own.</summary>
    internal string? LastIfChanged { get; set; }

    internal Dictionary<string, int> Cycles => _cycles ??= new Dictionary<string, int>(StringComparer.Ordinal);

    internal Dictionary<string, long> ForOffsets => _forOffsets ??= new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Charges work done over a collection to the loop limit (filters over large arrays or ranges).</summary>
    public void CountIterations(int count) => Budget.CountIterations(count);

    /// <summary>Stops a filter from building a string longer than the output limit.</summary>
    public void CheckStringLength(int length)
    {
        if (length > Output.MaxLength)
        {
            throw new LiquidLimitError(
                LiquidLimit.OutputLength,
                $"A value is longer than the limit of {Engine.Options.MaxOutputLength:N0} characters");
        }
    }

    internal void Begin(LiquidEngine engine, LiquidTemplate template, LiquidValue model, LiquidRenderSettings settings, CancellationToken cancellationToken)
    {
        Engine = engine;
        Template = template;
        Settings = settings;
        _model = model;
        Output = RootOutput;
        Budget.Reset(engine.Options, cancellationToken);
        PrepareModelSlots(template.VariableSlots);
    }

    /// <summary>Forgets everything of the finished render so the context can serve the next one.</summary>
    internal void End()
    {
        ClearScopes();
        _model = default;
        _now = null;
        _cycles?.Clear();
        _forOffsets?.Clear();
        LastIfChanged = null;
        RootOutput.Release();
        Arguments.Clear();
        Engine = null!;
        Template = null!;
        Settings = LiquidRenderSettings.PlainText;
    }

    internal LiquidRenderContext CreatePartialContext(LiquidTemplate partial) => new(this, partial);

    /// <summary>
    /// Renders an included partial in this context: it shares the caller's variables, counters and
    /// loops, while errors point into the partial. Its names are other string instances than the
    /// caller's, so they are matched by value, and the caller's per-slot model cache is set aside.
    /// </summary>
    internal IncludeScope EnterInclude(LiquidTemplate partial)
    {
        var scope = new IncludeScope(Template, _modelStates, _modelValues, _namesByValue);
        Template = partial;
        _modelStates = [];
        _modelValues = [];
        _namesByValue = true;
        return scope;
    }

    internal void ExitInclude(IncludeScope scope) =>
        (Template, _modelStates, _modelValues, _namesByValue) = (scope.Template, scope.ModelStates, scope.ModelValues, scope.NamesByValue);

    internal readonly record struct IncludeScope(LiquidTemplate Template, byte[] ModelStates, LiquidValue[] ModelValues, bool NamesByValue);

    /// <summary>Writes a failed node as Shopify does, "Liquid error (line 3): …", naming the partial when it is one.</summary>
    internal void WriteInlineError(LiquidRuntimeError error, int fallbackPosition)
    {
        var (line, _) = Template.Lines.Locate(error.Position >= 0 ? error.Position : fallbackPosition);
        var where = Template.Name is null ? $"line {line}" : $"{Template.Name} line {line}";
        Output.WriteText($"Liquid error ({where}): {error.Message}", Output.HtmlEncode);
    }

    internal LiquidRenderException ToRenderException(LiquidRuntimeError error, int fallbackPosition)
    {
        var (line, column) = Template.Lines.Locate(error.Position >= 0 ? error.Position : fallbackPosition);
        return error is LiquidLimitError limit
            ? new LiquidLimitExceededException(limit.Limit, error.Message, line, column, Template.Name)
            : new LiquidRenderException(error.Message, line, column, Template.Name, error);
    }
}
