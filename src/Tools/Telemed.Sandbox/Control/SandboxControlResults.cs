using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Telemed.Sandbox.Control;

/// <summary>Answers of every provider's control endpoints: snake_case JSON, and <c>{"error"}</c> for a bad request.</summary>
internal static class SandboxControlResults
{
    public static IResult Json(object value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, SandboxJson.SnakeCase, statusCode: status);

    public static IResult Problem(string message, int status = StatusCodes.Status400BadRequest) => Json(new { Error = message }, status);

    /// <summary>Reads a snake_case JSON body, or null when it is missing or malformed (answered with a <see cref="Problem"/>).</summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            return await request.ReadFromJsonAsync<T>(SandboxJson.SnakeCase, request.HttpContext.RequestAborted);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
