using Microsoft.Extensions.Options;
using Telemed.Sandbox.Google.Calendar;

namespace Telemed.Sandbox.Google;

/// <summary>
/// What a test may switch on the sandbox's Google client while it runs (publishing status, how conferences turn out),
/// starting from the configured options and restored by a reset.
/// </summary>
public sealed class GoogleAppState(IOptions<SandboxOptions> options)
{
    public const string Testing = "testing";
    public const string Production = "production";

    private readonly object _gate = new();
    private volatile GoogleAppSettings _current = Initial(options.Value.Google);

    public GoogleAppSettings Current => _current;

    public GoogleAppSettings Update(Func<GoogleAppSettings, GoogleAppSettings> change)
    {
        lock (_gate)
        {
            return _current = change(_current);
        }
    }

    public void Reset() => _current = Initial(options.Value.Google);

    private static GoogleAppSettings Initial(GoogleSandboxOptions google) => new(
        string.Equals(google.PublishingStatus, Testing, StringComparison.OrdinalIgnoreCase) ? Testing : Production,
        google.Conference,
        Math.Max(1, google.PendingConferenceGets));
}

/// <summary>The client's switches in force. "testing" makes refresh tokens expire after the testing lifetime.</summary>
public sealed record GoogleAppSettings(string PublishingStatus, GoogleConferenceOutcome Conference, int PendingGets)
{
    public bool IsTesting => PublishingStatus == GoogleAppState.Testing;
}
