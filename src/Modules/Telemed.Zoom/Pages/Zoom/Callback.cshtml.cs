using Telemed.Meetings.Connections;
using Telemed.Meetings.Pages.Meetings;
using Telemed.Meetings.Planning;
using Telemed.Meetings.Providers;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.Pages.Zoom;

/// <summary>Zoom's redirect back after consent, at the address registered with the Zoom app.</summary>
public sealed class CallbackModel(ConnectionFlow connections, ZoomConnector connector, MeetingPlanner planner, MeetingProviderRegistry providers)
    : OAuthCallbackModel(connections, connector, planner, providers);
