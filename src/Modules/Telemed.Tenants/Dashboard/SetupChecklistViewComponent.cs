using Microsoft.AspNetCore.Mvc;
using Telemed.Core.Navigation;

namespace Telemed.Tenants.Dashboard;

/// <summary>A new clinic's set-up steps from every module, until all are done; then nothing.</summary>
public sealed class SetupChecklistViewComponent(IEnumerable<ISetupStepSource> sources) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var steps = new List<SetupStep>();
        foreach (var source in sources)
        {
            steps.AddRange(await source.GetStepsAsync(HttpContext.RequestAborted));
        }
        return steps.All(s => s.Done)
            ? Content("")
            : View("~/Pages/Tenants/Components/SetupChecklist.cshtml", steps.OrderBy(s => s.Order).ToList());
    }
}
