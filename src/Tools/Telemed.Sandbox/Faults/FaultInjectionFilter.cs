using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Telemed.Sandbox.Inspection;

namespace Telemed.Sandbox.Faults;

/// <summary>Applies the next configured fault of the request's account (or the global one) around a provider endpoint.</summary>
internal sealed class FaultInjectionFilter(string provider, FaultRegistry registry, IFaultResponses responses) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var entry = http.Features.Get<RequestLogEntry>();
        var operation = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        var fault = registry.Next(provider, entry?.Account, operation);
        if (fault is null)
        {
            return await next(context);
        }

        entry?.Fault = fault.ToString();
        try
        {
            switch (fault.Kind)
            {
                case FaultKind.Error:
                    return responses.Error(http, fault.Status, fault.Reason);
                case FaultKind.RateLimit:
                    return responses.RateLimited(http, fault.RetryAfterSeconds);
                case FaultKind.Slow:
                    await Task.Delay(fault.DelayMs, http.RequestAborted);
                    return await next(context);
                case FaultKind.DelayedResponse:
                    var result = await next(context);
                    await Task.Delay(fault.DelayMs, http.RequestAborted);
                    return result;
                case FaultKind.Drop:
                    await next(context);
                    http.Abort();
                    return Results.Empty;
                default:
                    return await next(context);
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client gave up while we were holding the answer back: nothing left to send.
            return Results.Empty;
        }
    }
}
