using Telemed.Core.Clinic;

namespace Telemed.Booking.Pages.Booking;

/// <summary>What the staff page's meeting section shows.</summary>
public sealed record MeetingSectionView(bool Telemed, bool ProviderInstalled, string ProviderName, MeetingInfo? Meeting, bool StartActive, string StartOpensMinutesBefore);
