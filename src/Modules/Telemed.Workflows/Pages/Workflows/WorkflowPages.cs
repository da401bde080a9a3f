using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Telemed.Core.Tenancy;
using Telemed.Core.Workflows;
using Telemed.Workflows.Data;
using Telemed.Workflows.Definitions;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.Pages.Workflows;

/// <summary>What the workflow pages share: times in the clinic's zone, status badges, the editor's data.</summary>
public static class WorkflowPages
{
    public const string Policy = "workflows.manage";

    /// <summary>Who is saving, as the admin pages record it.</summary>
    public static string? UserName(ClaimsPrincipal user) => user.FindFirstValue("name") ?? user.Identity?.Name;

    public static string When(DateTimeOffset instant, Tenant clinic)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(clinic.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return $"{local:ddd d MMM yyyy HH:mm} ({zone.Id})";
    }

    public static string Badge(string status) => status switch
    {
        InstanceStatus.Finished or StepStatus.Done => "text-bg-success",
        InstanceStatus.Faulted or StepStatus.Failed => "text-bg-danger",
        InstanceStatus.Halted => "text-bg-dark",
        InstanceStatus.Waiting or StepStatus.Queued => "text-bg-warning",
        InstanceStatus.Running => "text-bg-primary",
        _ => "text-bg-secondary",
    };

    /// <summary>A run's or step's status in words.</summary>
    public static string Label(string status) => status switch
    {
        InstanceStatus.Running => "Running",
        InstanceStatus.Waiting => "Waiting",
        InstanceStatus.Finished => "Finished",
        InstanceStatus.Faulted => "Failed",
        InstanceStatus.Halted => "Stopped by a limit",
        StepStatus.Queued => "Queued",
        StepStatus.Done => "Done",
        StepStatus.Skipped => "Skipped",
        _ => status,
    };

    /// <summary>The data the editor and viewer script reads: every activity with its form and outcomes, the graph, problems.</summary>
    public static string EditorData(ActivityCatalog catalog, WorkflowDefinition definition, IEnumerable<WorkflowProblem> problems, object? steps = null) =>
        JsonSerializer.Serialize(new
        {
            catalog = catalog.All.Select(a => new
            {
                type = a.Type, name = a.DisplayName, category = a.Category, description = a.Description, kind = a.Kind.ToString(), outcomes = a.Outcomes,
                properties = a.Properties.Select(p => new
                {
                    p.Name, p.Label, kind = p.Kind.ToString(), p.Required, p.Help, p.Default, p.Min, p.Max, p.MaxLength,
                    options = p.Options.Select(o => new { o.Value, o.Label }),
                }),
            }),
            definition,
            problems,
            steps,
        }, WorkflowDefinition.Json);

    private static readonly JsonSerializerOptions PrettyJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A definition as indented JSON, for reading and comparing versions.</summary>
    public static string Pretty(string json)
    {
        try
        {
            return JsonNode.Parse(json)?.ToJsonString(PrettyJson) ?? "";
        }
        catch (JsonException)
        {
            return json;
        }
    }

    public static string StartEvents(WorkflowType type, ActivityCatalog catalog) =>
        type.StartEvents.Length == 0 ? "—" : string.Join(", ", type.StartEvents.Select(e => catalog.Find(e)?.DisplayName ?? e));

    public static string ActivityName(ActivityCatalog catalog, string type) => catalog.Find(type)?.DisplayName ?? type;

    public static bool IsEvent(ActivityCatalog catalog, string type) => catalog.Find(type)?.Kind == ActivityKind.Event;
}
