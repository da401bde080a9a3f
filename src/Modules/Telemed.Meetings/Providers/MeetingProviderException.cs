namespace Telemed.Meetings.Providers;

/// <summary>A provider answered with an error or could not be reached. Its flags tell the sync job what to do next.</summary>
public class MeetingProviderException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Worth trying again later: no answer, a 5xx, or a rate limit.</summary>
    public virtual bool IsTransient => false;

    /// <summary>The provider has no such meeting (any more).</summary>
    public virtual bool IsGone => false;

    /// <summary>The provider refuses the host's grant: the host must connect again.</summary>
    public virtual bool IsConnectionLost => false;

    /// <summary>The host's allowance of meeting changes for the day is used up.</summary>
    public bool IsDailyLimit { get; init; }

    public DateTimeOffset? RetryAfter { get; init; }
}

/// <summary>The host's connection is gone or refused.</summary>
public class HostConnectionLostException(string message, Exception? inner = null) : MeetingProviderException(message, inner)
{
    public override bool IsConnectionLost => true;
}

/// <summary>The user approved the provider's consent page without granting what meetings need; the message tells them what to do.</summary>
public sealed class ConsentIncompleteException(string message) : MeetingProviderException(message);
