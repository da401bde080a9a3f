using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Telemed.Sandbox.Google.Control;

/// <summary>Answers of the Google control endpoints: snake_case JSON, and <c>{"error"}</c> for a bad request.</summary>
internal static class GoogleControlResults
{
    public static IResult Json(object value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, SandboxJson.SnakeCase, statusCode: status);

    public static IResult Problem(string message, int status = StatusCodes.Status400BadRequest) => Json(new { Error = message }, status);

    public static IResult UnknownAccount(string user) => Problem($"Unknown Google sandbox account '{user}'.", StatusCodes.Status404NotFound);

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
