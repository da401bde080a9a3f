using Microsoft.Extensions.DependencyInjection;

namespace Telemed.Core.Workflows;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>Offers an activity to every clinic's workflows.</summary>
    public static IServiceCollection AddWorkflowActivity<TActivity>(this IServiceCollection services)
        where TActivity : WorkflowActivity, new() =>
        services.AddSingleton<WorkflowActivity>(new TActivity());

    public static IServiceCollection AddWorkflowActivity(this IServiceCollection services, WorkflowActivity activity) =>
        services.AddSingleton(activity);
}
