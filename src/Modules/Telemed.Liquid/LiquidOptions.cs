using Telemed.Liquid.Filters;
using Telemed.Liquid.Values;

namespace Telemed.Liquid;

public enum LiquidParseMode
{
    /// <summary>Ruby Liquid's default: markup that cannot be read is ignored where Ruby's lax parser ignores it.</summary>
    Lax,

    /// <summary>Every syntax mistake is an error with its line and column.</summary>
    Strict,
}

public sealed class LiquidOptions
{
    public LiquidParseMode ParseMode { get; set; } = LiquidParseMode.Lax;

    /// <summary>Reading a variable or member that does not exist is an error instead of nil.</summary>
    public bool StrictVariables { get; set; }

    /// <summary>Using a filter that is not registered is an error instead of passing the value through.</summary>
    public bool StrictFilters { get; set; }

    /// <summary>Total <c>for</c>/<c>tablerow</c> iterations (and range items) one render may take, partials included.</summary>
    public int MaxLoopIterations { get; set; } = 100_000;

    /// <summary>Characters one render may write, and the longest string a filter may build.</summary>
    public int MaxOutputLength { get; set; } = 1_000_000;

    /// <summary>How deeply partials (render and include) may render partials.</summary>
    public int MaxPartialDepth { get; set; } = 10;

    /// <summary>How deeply blocks may nest in one template.</summary>
    public int MaxNestingDepth { get; set; } = 64;

    public TimeSpan MaxRenderTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Parsed templates kept by source text.</summary>
    public int TemplateCacheSize { get; set; } = 1_000;

    /// <summary>The zone <c>date</c> uses for "now", unix timestamps and times without an offset.</summary>
    public TimeZoneInfo DefaultTimeZone { get; set; } = TimeZoneInfo.Utc;

    public LiquidFilterRegistry Filters { get; } = LiquidFilterRegistry.CreateDefault();

    public LiquidMemberRegistry Members { get; } = new();
}
