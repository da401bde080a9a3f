using System.Net;
using Microsoft.Extensions.Options;

namespace Telemed.Zoom.Services;

/// <summary>
/// Bounds each call to Zoom and turns "no answer" (timeout, refused, reset) into a <see cref="ZoomApiException"/>
/// without status, which the jobs treat as transient. The caller's own cancellation still wins.
/// </summary>
public sealed class ZoomTimeoutHandler(IOptions<ZoomOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            var response = await base.SendAsync(request, timeout.Token);
            // Read the body inside the time limit too: a response that stalls mid-body is no answer either.
            await response.Content.LoadIntoBufferAsync(timeout.Token);
            return response;
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ZoomApiException($"Zoom did not answer {request.Method} {request.RequestUri?.AbsolutePath} within {options.Value.RequestTimeout.TotalSeconds:0.#} s.", inner: exception);
        }
        catch (HttpRequestException exception)
        {
            throw new ZoomApiException($"Zoom could not be reached ({exception.HttpRequestError}): {exception.Message}", inner: exception);
        }
    }
}
