using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Jobs;

namespace Telemed.Testing.Jobs;

public static class DiagnosticJobsServiceCollectionExtensions
{
    /// <summary>Registers the job kinds tests and load runs enqueue to observe the queue itself.</summary>
    public static IServiceCollection AddDiagnosticJobs(this IServiceCollection services) => services
        .AddJob<NoopJobHandler>(NoopJobHandler.Kind)
        .AddJob<AppendJobHandler>(AppendJobHandler.Kind);
}
