using System.Text.Json.Nodes;

namespace Telemed.Sandbox.Google.Calendar;

/// <summary>
/// The e-mails Google would send about a change, per sendUpdates: "all" to every guest, "externalOnly" to guests who
/// are not Google Calendar users (here: not sandbox accounts), "none" or nothing to nobody. The organizer and
/// resources get none.
/// </summary>
internal static class GoogleInvitations
{
    public const string Invitation = "invitation";
    public const string Update = "update";
    public const string Cancellation = "cancellation";

    public static IReadOnlyList<GoogleInvitationEmail> For(
        string? sendUpdates, GoogleEvent? before, GoogleEvent? after, Func<string, bool> isGoogleAccount)
    {
        if (sendUpdates is not ("all" or "externalOnly"))
        {
            return [];
        }

        var organizer = (after ?? before)!.OrganizerEmail;
        bool Notified(string email) =>
            !string.Equals(email, organizer, StringComparison.OrdinalIgnoreCase) && (sendUpdates == "all" || !isGoogleAccount(email));

        var had = Guests(before is { IsCancelled: false } ? before : null);
        var has = Guests(after is { IsCancelled: false } ? after : null);
        var emails = has.Select(g => new GoogleInvitationEmail(g, had.Contains(g, StringComparer.OrdinalIgnoreCase) ? Update : Invitation))
            .Concat(had.Where(g => !has.Contains(g, StringComparer.OrdinalIgnoreCase)).Select(g => new GoogleInvitationEmail(g, Cancellation)));
        return emails.Where(e => Notified(e.To)).ToArray();
    }

    private static IReadOnlyList<string> Guests(GoogleEvent? calendarEvent) =>
        calendarEvent?.Fields["attendees"] is JsonArray attendees
            ? attendees.OfType<JsonObject>()
                .Where(a => !(a["resource"] is JsonValue resource && resource.TryGetValue<bool>(out var isResource) && isResource))
                .Select(a => a["email"]?.GetValue<string>())
                .OfType<string>()
                .ToArray()
            : [];
}
