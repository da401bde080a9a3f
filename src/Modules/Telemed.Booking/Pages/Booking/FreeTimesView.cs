using Telemed.Booking.Services;

namespace Telemed.Booking.Pages.Booking;

/// <summary>
/// A week of free times as radio buttons, with links to the weeks around it. <see cref="Error"/> is shown
/// under the times and named by the group's <c>aria-describedby</c>.
/// </summary>
public sealed record FreeTimesView(FreeWeek Week, string FieldName, DateTimeOffset? Selected, string? EarlierUrl, string LaterUrl, string? Error)
{
    public const string ErrorId = "free-times-error";
}
