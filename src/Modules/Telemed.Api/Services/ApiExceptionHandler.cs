using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Telemed.Core.Api;

namespace Telemed.Api.Services;

/// <summary>
/// A failure inside the API answers as a 500 problem, not as the site's HTML error page (which the exception handler
/// would otherwise re-execute). Nothing about the failure itself is said; the trace id lets the clinic find it in the log,
/// where the exception handler has already written it.
/// </summary>
public sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The request's own path: by now the middleware has pointed Request.Path at the HTML error page.
        var failedPath = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (!ApiRoutes.IsApiPath(new PathString(failedPath)))
        {
            return false;
        }
        await TypedResults.Problem(
            "The request could not be completed because of an error on our side. Try again in a moment; if it keeps failing, give the clinic the traceId.",
            statusCode: StatusCodes.Status500InternalServerError,
            title: "Server error",
            extensions: new Dictionary<string, object?> { ["traceId"] = Activity.Current?.Id ?? httpContext.TraceIdentifier })
            .ExecuteAsync(httpContext);
        return true;
    }
}
