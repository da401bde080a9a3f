using Telemed.GoogleMeet.Services;
using Telemed.Meetings.Connections;
using Telemed.Meetings.Pages.Meetings;
using Telemed.Meetings.Planning;
using Telemed.Meetings.Providers;

namespace Telemed.GoogleMeet.Pages.GoogleMeet;

/// <summary>Google's redirect back after consent, at the address registered with the Google OAuth client.</summary>
public sealed class CallbackModel(ConnectionFlow connections, GoogleConnector connector, MeetingPlanner planner, MeetingProviderRegistry providers)
    : OAuthCallbackModel(connections, connector, planner, providers);
