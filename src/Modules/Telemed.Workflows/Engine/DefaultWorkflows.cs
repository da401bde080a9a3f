using System.Text.Json;
using Telemed.Workflows.Definitions;

namespace Telemed.Workflows.Engine;

/// <summary>
/// The workflows every clinic starts with (recipes/default-workflows.json, embedded): they do what the product does out of
/// the box, and a clinic changes them in the editor.
/// </summary>
public static class DefaultWorkflows
{
    private static readonly Lazy<string> Json = new(() =>
    {
        using var stream = typeof(DefaultWorkflows).Assembly.GetManifestResourceStream("Telemed.Workflows.default-workflows.json")
            ?? throw new InvalidOperationException("The default workflows are not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IReadOnlyList<WorkflowDocument> Load() =>
        JsonSerializer.Deserialize<List<WorkflowDocument>>(Json.Value, WorkflowDefinition.Json)!;
}
