namespace Telemed.Meetings.Providers;

/// <summary>
/// Bounds each call to a provider and turns "no answer" (timeout, refused, reset) into the provider's exception
/// without status, which the jobs treat as transient. The caller's own cancellation still wins.
/// </summary>
public abstract class ProviderTimeoutHandler : DelegatingHandler
{
    protected abstract string ProviderName { get; }

    protected abstract TimeSpan Timeout { get; }

    /// <summary>The provider's exception for a call that got no answer.</summary>
    protected abstract MeetingProviderException NoAnswer(string message, Exception inner);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var limit = Timeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            var response = await base.SendAsync(request, timeout.Token);
            // Read the body inside the time limit too: a response that stalls mid-body is no answer either.
            await response.Content.LoadIntoBufferAsync(timeout.Token);
            return response;
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw NoAnswer($"{ProviderName} did not answer {request.Method} {request.RequestUri?.AbsolutePath} within {limit.TotalSeconds:0.#} s.", exception);
        }
        catch (HttpRequestException exception)
        {
            throw NoAnswer($"{ProviderName} could not be reached ({exception.HttpRequestError}): {exception.Message}", exception);
        }
    }
}
