using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Telemed.Sandbox.Inspection;

/// <summary>
/// Records every request to a provider endpoint: who it was for, what was sent and what was answered.
/// The entry is stored as a request feature so later filters (faults) can read the account and annotate it.
/// </summary>
internal sealed class RequestLogFilter(
    string provider,
    RequestLog log,
    TimeProvider clock,
    Func<HttpContext, ValueTask<string?>> resolveAccount) : IEndpointFilter
{
    private const int MaxBodyChars = 16_384;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var started = Stopwatch.GetTimestamp();
        var entry = new RequestLogEntry
        {
            Sequence = log.NextSequence(),
            Timestamp = clock.GetUtcNow(),
            Provider = provider,
            Method = request.Method,
            Path = request.PathBase.Add(request.Path).Value ?? "/",
            Query = request.QueryString.HasValue ? request.QueryString.Value : null,
            Operation = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName,
            Body = await ReadBodyAsync(request),
        };
        entry.Account = await resolveAccount(http);
        http.Features.Set(entry);
        log.Add(entry);

        http.Response.OnStarting(() =>
        {
            entry.StatusCode = http.Response.StatusCode;
            entry.DurationMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return Task.CompletedTask;
        });

        return await next(context);
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        var type = request.ContentType ?? "";
        var readable = type.Contains("json", StringComparison.OrdinalIgnoreCase)
            || type.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        if (!readable || request.ContentLength is 0)
        {
            return null;
        }

        // Buffering lets the handler read the same body again after it was logged.
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        var buffer = new char[MaxBodyChars];
        var read = await reader.ReadBlockAsync(buffer, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return new string(buffer, 0, read);
    }
}
