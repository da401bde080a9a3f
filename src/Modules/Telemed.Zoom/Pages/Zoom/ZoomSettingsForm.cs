using System.ComponentModel.DataAnnotations;
using Telemed.Zoom.Data;

namespace Telemed.Zoom.Pages.Zoom;

/// <summary>The settings page's form: secrets are write-only (blank keeps the stored one).</summary>
public sealed class ZoomSettingsForm : IValidatableObject
{
    [Display(Name = "Create Zoom meetings for video appointments")]
    public bool Enabled { get; set; }

    [Display(Name = "Use the clinic's own Zoom app instead of the platform's")]
    public bool UseOwnApp { get; set; }

    [StringLength(200)]
    [Display(Name = "Client ID")]
    public string? ClientId { get; set; }

    [StringLength(200)]
    [Display(Name = "Client secret")]
    public string? ClientSecret { get; set; }

    [StringLength(200)]
    [Display(Name = "Webhook secret token")]
    public string? WebhookSecret { get; set; }

    [Display(Name = "A random passcode for each meeting")]
    public bool RandomPasscode { get; set; }

    [Display(Name = "Waiting room")]
    public bool WaitingRoom { get; set; }

    [Display(Name = "Host video on")]
    public bool HostVideo { get; set; }

    [Display(Name = "Participant video on")]
    public bool ParticipantVideo { get; set; }

    [Display(Name = "Mute participants on entry")]
    public bool MuteUponEntry { get; set; }

    [Display(Name = "Let participants join before the host (not with a waiting room)")]
    public bool JoinBeforeHost { get; set; }

    [Required(ErrorMessage = "Enter a topic template.")]
    [StringLength(200, ErrorMessage = "Keep the topic template within 200 characters.")]
    [Display(Name = "Topic template")]
    public string TopicTemplate { get; set; } = ZoomClinicSettings.DefaultTopic;

    [StringLength(1500, ErrorMessage = "Keep the agenda template within 1,500 characters.")]
    [Display(Name = "Agenda template")]
    public string? AgendaTemplate { get; set; }

    public bool HasClientSecret { get; set; }

    public static ZoomSettingsForm From(ZoomClinicSettings s) => new()
    {
        Enabled = s.Enabled, UseOwnApp = s.UseOwnApp, ClientId = s.ClientId, HasClientSecret = s.ProtectedClientSecret is not null,
        RandomPasscode = s.RandomPasscode, WaitingRoom = s.WaitingRoom, HostVideo = s.HostVideo, ParticipantVideo = s.ParticipantVideo,
        MuteUponEntry = s.MuteUponEntry, JoinBeforeHost = s.JoinBeforeHost, TopicTemplate = s.TopicTemplate, AgendaTemplate = s.AgendaTemplate,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UseOwnApp && string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult("Enter the Client ID of the clinic's Zoom app.", [nameof(ClientId)]);
        }

        if (UseOwnApp && !HasClientSecret && string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return new ValidationResult("Enter the Client secret of the clinic's Zoom app.", [nameof(ClientSecret)]);
        }
    }
}
