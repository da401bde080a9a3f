using Microsoft.Extensions.Options;
using Telemed.Meetings.Providers;

namespace Telemed.Zoom.Services;

/// <summary>Bounds each call to Zoom (<see cref="ZoomOptions.RequestTimeout"/>); no answer becomes a transient <see cref="ZoomApiException"/>.</summary>
public sealed class ZoomTimeoutHandler(IOptions<ZoomOptions> options) : ProviderTimeoutHandler
{
    protected override string ProviderName => "Zoom";

    protected override TimeSpan Timeout => options.Value.RequestTimeout;

    protected override MeetingProviderException NoAnswer(string message, Exception inner) => new ZoomApiException(message, inner: inner);
}
