namespace Telemed.Jobs.Services;

/// <summary>The jobs dashboard's settings, bound from <c>Jobs:Dashboard</c>.</summary>
public sealed class JobsDashboardOptions
{
    /// <summary>The queue counts as late when a due job has waited longer than this.</summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(1);

    public int PageSize { get; set; } = 50;
}
