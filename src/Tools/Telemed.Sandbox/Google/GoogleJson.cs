using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Telemed.Sandbox.Google;

/// <summary>Google's APIs speak camelCase JSON (its OAuth endpoints and the control endpoints use <see cref="SandboxJson.SnakeCase"/>).</summary>
public static class GoogleJson
{
    public static readonly JsonSerializerOptions CamelCase = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
