using System.ComponentModel.DataAnnotations;
using Telemed.GoogleMeet.Data;

namespace Telemed.GoogleMeet.Pages.GoogleMeet;

/// <summary>The settings page's form: the client secret is write-only (blank keeps the stored one).</summary>
public sealed class GoogleMeetSettingsForm : IValidatableObject
{
    [Display(Name = "Create Google Meet links for video appointments")]
    public bool Enabled { get; set; }

    [Display(Name = "Use the clinic's own Google OAuth client instead of the platform's")]
    public bool UseOwnApp { get; set; }

    [StringLength(200)]
    [Display(Name = "Client ID")]
    public string? ClientId { get; set; }

    [StringLength(200)]
    [Display(Name = "Client secret")]
    public string? ClientSecret { get; set; }

    [Display(Name = "Invite patients to the calendar event")]
    public bool InvitePatients { get; set; }

    [AllowedValues(GoogleSendUpdates.None, GoogleSendUpdates.ExternalOnly, GoogleSendUpdates.All, ErrorMessage = "Choose who Google e-mails.")]
    [Display(Name = "Invitation e-mails from Google")]
    public string SendUpdates { get; set; } = GoogleSendUpdates.None;

    public bool HasClientSecret { get; set; }

    public static GoogleMeetSettingsForm From(GoogleMeetSettings s) => new()
    {
        Enabled = s.Enabled, UseOwnApp = s.UseOwnApp, ClientId = s.ClientId, HasClientSecret = s.ProtectedClientSecret is not null,
        InvitePatients = s.InvitePatients, SendUpdates = s.SendUpdates,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UseOwnApp && string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult("Enter the Client ID of the clinic's Google OAuth client.", [nameof(ClientId)]);
        }
        else if (UseOwnApp && !ClientId!.Trim().EndsWith(".apps.googleusercontent.com", StringComparison.Ordinal))
        {
            yield return new ValidationResult("A Google OAuth client ID ends with .apps.googleusercontent.com.", [nameof(ClientId)]);
        }

        if (UseOwnApp && !HasClientSecret && string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return new ValidationResult("Enter the Client secret of the clinic's Google OAuth client.", [nameof(ClientSecret)]);
        }
    }
}
