using Telemed.Booking.Services;

namespace Telemed.Booking.Pages.Booking;

/// <summary>Fresh times shown after a refusal, each linking back into the same flow.</summary>
public sealed record SuggestionsView(IReadOnlyList<SuggestedSlot> Slots, Func<SuggestedSlot, string> LinkFor, bool ShowHost);
