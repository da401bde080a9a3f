using System.Globalization;
using Telemed.Core.Clinic;
using Telemed.Jobs.Services;

namespace Telemed.Jobs.Pages.Jobs;

/// <summary>
/// The last hour's throughput as SVG geometry, drawn on the server: one stacked bar per minute (succeeded
/// below, failed attempts above) with a title each, and three times in the viewer's zone for the axis below.
/// The page's CSS colours it; no script and no inline style.
/// </summary>
public sealed class ThroughputChart
{
    public const int Width = 600;
    public const int PlotHeight = 100;
    public const int Height = PlotHeight + 1;
    private const int Slot = Width / 60;

    public ThroughputChart(Throughput throughput, ViewerTime time)
    {
        Throughput = throughput;
        Scale = Math.Max(1, throughput.Peak);
        Bars = throughput.Minutes.Select((minute, i) => Bar(minute, i, time)).ToList();
        var minutes = throughput.Minutes;
        Ticks = minutes.Count == 0 ? [] : [time.Clock(minutes[0].Start), time.Clock(minutes[minutes.Count / 2].Start), "now"];
    }

    public Throughput Throughput { get; }

    /// <summary>Jobs per minute at the top of the plot.</summary>
    public int Scale { get; }

    public IReadOnlyList<ChartBar> Bars { get; }

    /// <summary>The times under the start, the middle and the end of the axis.</summary>
    public IReadOnlyList<string> Ticks { get; }

    public string ViewBox => $"0 0 {Width} {Height}";

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private ChartBar Bar(ThroughputMinute minute, int index, ViewerTime time)
    {
        var succeeded = (double)minute.Succeeded / Scale * PlotHeight;
        var failed = (double)minute.Failed / Scale * PlotHeight;
        var failures = minute.Failed == 1 ? "1 failed attempt" : $"{minute.Failed} failed attempts";
        return new ChartBar(index * Slot + 1, Slot - 2, PlotHeight - succeeded, succeeded, PlotHeight - succeeded - failed, failed,
            $"{time.Clock(minute.Start)}: {minute.Succeeded} succeeded, {failures}", minute.Total > 0);
    }
}

/// <summary>One minute's bar: the succeeded part from <see cref="SucceededY"/>, the failed part stacked on it.</summary>
public sealed record ChartBar(double X, double Width, double SucceededY, double SucceededHeight, double FailedY, double FailedHeight, string Title, bool HasJobs);
