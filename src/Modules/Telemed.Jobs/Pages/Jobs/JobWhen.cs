using Telemed.Jobs.Services;

namespace Telemed.Jobs.Pages.Jobs;

/// <summary>The moment that matters for a job in its status, with the words that go before it.</summary>
public static class JobWhen
{
    public static (string Label, DateTimeOffset At) Of(JobSummary job, JobStatus status) => status.Key switch
    {
        "waiting" => ("Due since", job.RunAt),
        "scheduled" => ("Runs", job.RunAt),
        "running" => ("Started", job.UpdatedAt),
        "retrying" => ("Next try", job.RunAt),
        "cancelled" => ("Cancelled", job.FinishedAt ?? job.UpdatedAt),
        _ => ("Finished", job.FinishedAt ?? job.UpdatedAt),
    };
}
