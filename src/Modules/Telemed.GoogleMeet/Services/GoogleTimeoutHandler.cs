using Microsoft.Extensions.Options;
using Telemed.Meetings.Providers;

namespace Telemed.GoogleMeet.Services;

/// <summary>Bounds each call to Google (<see cref="GoogleOptions.RequestTimeout"/>); no answer becomes a transient <see cref="GoogleApiException"/>.</summary>
public sealed class GoogleTimeoutHandler(IOptions<GoogleOptions> options) : ProviderTimeoutHandler
{
    protected override string ProviderName => "Google";

    protected override TimeSpan Timeout => options.Value.RequestTimeout;

    protected override MeetingProviderException NoAnswer(string message, Exception inner) => new GoogleApiException(message, inner: inner);
}
