using System.Diagnostics;

namespace Telemed.Liquid.Rendering;

/// <summary>
/// Limits shared by a render and the partials it renders: loop iterations, partial depth and
/// time. Time is checked every few iterations and at each partial, so a render cannot hang.
/// </summary>
internal sealed class RenderBudget(LiquidOptions options, CancellationToken cancellationToken)
{
    private const int TimeCheckInterval = 64;

    private readonly long _deadline = Stopwatch.GetTimestamp() + (long)(options.MaxRenderTime.TotalSeconds * Stopwatch.Frequency);
    private int _iterations;

    public int PartialDepth { get; set; }

    public void CountIterations(int count)
    {
        _iterations += count;
        if (_iterations > options.MaxLoopIterations || _iterations < 0)
        {
            throw new LiquidLimitError(
                LiquidLimit.LoopIterations,
                $"Loops ran more than the limit of {options.MaxLoopIterations:N0} iterations");
        }

        if (count > 1 || _iterations % TimeCheckInterval == 0)
        {
            CheckTime();
        }
    }

    public void CheckTime()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new LiquidLimitError(
                LiquidLimit.RenderTime,
                $"Rendering took longer than the limit of {options.MaxRenderTime.TotalSeconds:0.###} seconds");
        }
    }

    public void EnterPartial()
    {
        if (++PartialDepth > options.MaxPartialDepth)
        {
            throw new LiquidLimitError(LiquidLimit.Depth, $"Partials are nested more than {options.MaxPartialDepth} levels deep");
        }

        CheckTime();
    }

    public void ExitPartial() => PartialDepth--;
}
