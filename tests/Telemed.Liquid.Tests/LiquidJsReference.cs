using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Telemed.Liquid.Tests;

/// <summary>
/// Renders templates with liquidjs (a reference implementation from npm) through node. Available
/// when node is on the PATH and <c>npm install</c> was run in tests/Telemed.Liquid.Tests/CrossCheck.
/// </summary>
internal static class LiquidJsReference
{
    private static readonly Lazy<string?> Folder = new(FindFolder);

    public static bool IsAvailable => Folder.Value is not null;

    /// <summary>Renders each template with the data; <paramref name="partials"/> (name to source) serve include and render.</summary>
    public static IReadOnlyList<string> Render(IReadOnlyList<string> templates, JsonObject data, IReadOnlyDictionary<string, string>? partials = null)
    {
        var input = new JsonArray([.. templates.Select(t => new JsonObject
        {
            ["template"] = t,
            ["data"] = data.DeepClone(),
            ["partials"] = partials is null ? null : new JsonObject(partials.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        })]);
        var start = new ProcessStartInfo("node", "render.js")
        {
            WorkingDirectory = Folder.Value!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["TZ"] = "UTC" },
        };

        using var process = Process.Start(start)!;
        process.StandardInput.Write(input.ToJsonString());
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"liquidjs failed: {process.StandardError.ReadToEnd()}");
        }

        return [.. JsonNode.Parse(output)!.AsArray().Select(r => r!["output"]?.GetValue<string>() ?? "error: " + r["error"])];
    }

    /// <summary>The model as the engine sees it: JSON integers stay integers, other numbers are floats.</summary>
    public static LiquidValue ToLiquid(JsonNode? node) => node switch
    {
        null => LiquidValue.Nil,
        JsonObject obj => LiquidValue.Create(ToHash(obj)),
        JsonArray array => LiquidValue.Create([.. array.Select(ToLiquid)]),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number =>
            value.ToJsonString().Contains('.') ? LiquidValue.Create(value.GetValue<double>()) : LiquidValue.Create(value.GetValue<long>()),
        JsonValue value => value.GetValue<string>(),
        _ => throw new NotSupportedException($"Unexpected JSON node {node.GetType().Name}"),
    };

    private static LiquidObject ToHash(JsonObject obj)
    {
        var hash = new LiquidObject();
        foreach (var (key, value) in obj)
        {
            hash[key] = ToLiquid(value);
        }

        return hash;
    }

    private static string? FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var folder = Path.Combine(directory.FullName, "CrossCheck");
            if (File.Exists(Path.Combine(folder, "node_modules", "liquidjs", "package.json")) && NodeRuns())
            {
                return folder;
            }
        }

        return null;
    }

    private static bool NodeRuns()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true });
            return process is not null && process.WaitForExit(TimeSpan.FromSeconds(10)) && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>A theory that runs only where liquidjs can be run; otherwise it is skipped with the reason.</summary>
internal sealed class LiquidJsTheoryAttribute : TheoryAttribute
{
    public LiquidJsTheoryAttribute()
    {
        if (!LiquidJsReference.IsAvailable)
        {
            Skip = "Needs node and liquidjs: run 'npm install' in tests/Telemed.Liquid.Tests/CrossCheck.";
        }
    }
}
