using Telemed.Core.Jobs;

namespace Telemed.Jobs.Services;

/// <summary>Removes finished jobs older than the retention period. Dead jobs stay until retried or their clinic goes.</summary>
public sealed class JobCleanupHandler(Telemed.Core.Data.Database database, Microsoft.Extensions.Options.IOptions<JobOptions> options) : IJobHandler
{
    public const string Kind = "jobs.cleanup";

    public async Task ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        await using var connection = await database.App.OpenConnectionAsync(cancellationToken);
        await using var command = new Npgsql.NpgsqlCommand(
            "DELETE FROM jobs WHERE state IN ('succeeded', 'cancelled') AND finished_at < now() - @retain", connection);
        command.Parameters.AddWithValue("retain", options.Value.RetainFinished);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
