using Telemed.Liquid.Values;

namespace Telemed.Liquid.Rendering;

/// <summary>
/// The state of one render: variables in scope, counters, loop state, the output and the
/// limits. Filters receive it to read members, the time and the encoding mode.
/// </summary>
public sealed partial class LiquidRenderContext
{
    private readonly LiquidValue _model;
    private LocalVariable[] _locals = [];
    private int _localCount;
    private LiquidObject? _assigned;
    private Dictionary<string, long>? _counters;
    private Dictionary<string, int>? _cycles;
    private Dictionary<string, long>? _forOffsets;

    internal LiquidRenderContext(
        LiquidEngine engine,
        LiquidTemplate template,
        LiquidValue model,
        OutputWriter output,
        RenderBudget budget,
        LiquidRenderSettings settings,
        DateTimeOffset now,
        ArgumentStack arguments)
    {
        Settings = settings;
        Engine = engine;
        Template = template;
        _model = model;
        Output = output;
        Budget = budget;
        Now = now;
        Arguments = arguments;
    }

    /// <summary>True when rendering HTML: every output not marked <c>raw</c> is encoded.</summary>
    public bool HtmlEncode => Output.HtmlEncode;

    /// <summary>The moment the render started, used for "now" and "today".</summary>
    public DateTimeOffset Now { get; }

    public LiquidOptions Options => Engine.Options;

    public TimeZoneInfo DefaultTimeZone => Settings.TimeZone ?? Engine.Options.DefaultTimeZone;

    public LiquidRenderSettings Settings { get; }

    internal ILiquidTemplateStore? TemplateStore => Settings.TemplateStore ?? Engine.TemplateStore;

    internal bool StrictVariables => Engine.Options.StrictVariables;

    internal bool StrictFilters => Engine.Options.StrictFilters;

    internal LiquidEngine Engine { get; }

    internal LiquidTemplate Template { get; }

    internal OutputWriter Output { get; set; }

    internal RenderBudget Budget { get; }

    internal ArgumentStack Arguments { get; }

    internal ForLoopObject? CurrentForLoop { get; set; }

    internal Dictionary<string, int> Cycles => _cycles ??= new Dictionary<string, int>(StringComparer.Ordinal);

    internal Dictionary<string, long> ForOffsets => _forOffsets ??= new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Charges work done over a collection to the loop limit (filters over large arrays or ranges).</summary>
    public void CountIterations(int count) => Budget.CountIterations(count);

    /// <summary>Stops a filter from building a string longer than the output limit.</summary>
    public void CheckStringLength(int length)
    {
        if (length > Engine.Options.MaxOutputLength)
        {
            throw new LiquidLimitError(
                LiquidLimit.OutputLength,
                $"A value is longer than the limit of {Engine.Options.MaxOutputLength:N0} characters");
        }
    }

    /// <summary>Looks a variable up: loop variables first, then assigned ones, then counters, then the model.</summary>
    internal bool TryGetVariable(string name, out LiquidValue value)
    {
        for (var i = _localCount - 1; i >= 0; i--)
        {
            if ((object)_locals[i].Name == name || _locals[i].Name == name)
            {
                value = _locals[i].Value;
                return true;
            }
        }

        if (_assigned is not null && _assigned.TryGetValue(name, out value))
        {
            return true;
        }

        if (_counters is not null && _counters.TryGetValue(name, out var counter))
        {
            value = LiquidValue.Create(counter);
            return true;
        }

        return TryGetMember(_model, name, allowCommands: false, out value);
    }

    /// <summary>Assigns in the template's outermost scope, as <c>assign</c> and <c>capture</c> do.</summary>
    internal void Assign(string name, LiquidValue value) => (_assigned ??= new LiquidObject())[name] = value;

    internal void PushLocal(string name, LiquidValue value)
    {
        if (_localCount == _locals.Length)
        {
            Array.Resize(ref _locals, Math.Max(4, _locals.Length * 2));
        }

        _locals[_localCount++] = new LocalVariable(name, value);
    }

    internal void SetLocal(int index, LiquidValue value) => _locals[index].Value = value;

    internal int LocalCount => _localCount;

    internal void PopLocals(int count)
    {
        _localCount = count;
        Array.Clear(_locals, count, _locals.Length - count);
    }

    /// <summary>Increments (or decrements) a counter, separate from assigned variables as in Shopify.</summary>
    internal long Step(string name, int delta)
    {
        _counters ??= new Dictionary<string, long>(StringComparer.Ordinal);
        _counters.TryGetValue(name, out var value);
        _counters[name] = value + delta;
        return value;
    }

    internal LiquidRenderContext CreatePartialContext(LiquidTemplate partial) =>
        new(Engine, partial, LiquidValue.Nil, Output, Budget, Settings, Now, Arguments);

    internal LiquidRenderException ToRenderException(LiquidRuntimeError error, int fallbackPosition)
    {
        var (line, column) = Template.Lines.Locate(error.Position >= 0 ? error.Position : fallbackPosition);
        return error is LiquidLimitError limit
            ? new LiquidLimitExceededException(limit.Limit, error.Message, line, column, Template.Name)
            : new LiquidRenderException(error.Message, line, column, Template.Name, error);
    }

    private struct LocalVariable(string name, LiquidValue value)
    {
        public readonly string Name = name;
        public LiquidValue Value = value;
    }
}
