namespace Telemed.Sandbox.Google.Calendar;

/// <summary>How a Meet conference create request turns out (<c>createRequest.status.statusCode</c>).</summary>
public enum GoogleConferenceOutcome
{
    /// <summary>The conference exists at once: link and entry points in the first answer (what Meet usually does).</summary>
    Success,

    /// <summary>The first answers say "pending" without a link; a later events.get finds it made.</summary>
    Pending,

    /// <summary>Creation failed: no conference solution, no entry points, no link.</summary>
    Failure,
}
