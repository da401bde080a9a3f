using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Telemed.Liquid.Rendering;

/// <summary>
/// Limits shared by a render and the partials it renders: loop iterations, partial depth and
/// time. Time is checked every few iterations and at each partial, so a render cannot hang. The
/// clock starts at the first check: work before it is bounded by the template's length, and a
/// render without loops or partials never reads the clock.
/// </summary>
internal sealed class RenderBudget
{
    private const int TimeCheckInterval = 64;

    private LiquidOptions _options = null!;
    private CancellationToken _cancellationToken;
    private long _deadline;
    private int _iterations;
    private int _maxIterations;

    public int PartialDepth { get; private set; }

    public void Reset(LiquidOptions options, CancellationToken cancellationToken)
    {
        _options = options;
        _maxIterations = options.MaxLoopIterations;
        _cancellationToken = cancellationToken;
        _deadline = 0;
        _iterations = 0;
        PartialDepth = 0;
    }

    /// <summary>Runs once per loop iteration, so it is small enough to inline; the rare work is out of line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CountIterations(int count)
    {
        _iterations += count;
        if (_iterations > _maxIterations || _iterations < 0)
        {
            ThrowLoopLimit();
        }

        if (count > 1 || _iterations % TimeCheckInterval == 0)
        {
            CheckTime();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowLoopLimit() => throw new LiquidLimitError(
        LiquidLimit.LoopIterations,
        $"Loops ran more than the limit of {_options.MaxLoopIterations:N0} iterations");

    public void CheckTime()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var now = Stopwatch.GetTimestamp();
        if (_deadline == 0)
        {
            _deadline = now + (long)(_options.MaxRenderTime.TotalSeconds * Stopwatch.Frequency);
        }
        else if (now > _deadline)
        {
            throw new LiquidLimitError(
                LiquidLimit.RenderTime,
                $"Rendering took longer than the limit of {_options.MaxRenderTime.TotalSeconds:0.###} seconds");
        }
    }

    public void EnterPartial()
    {
        if (++PartialDepth > _options.MaxPartialDepth)
        {
            throw new LiquidLimitError(LiquidLimit.Depth, $"Partials are nested more than {_options.MaxPartialDepth} levels deep");
        }

        CheckTime();
    }

    public void ExitPartial() => PartialDepth--;
}
