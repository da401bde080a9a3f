using System.ComponentModel.DataAnnotations;
using Telemed.Api.Models;
using Telemed.Core.Api;

namespace Telemed.Api.Pages.Api;

/// <summary>The new-key form.</summary>
public sealed class ApiKeyInput
{
    [Display(Name = "Name")]
    [Required(ErrorMessage = "Give the key a name, such as the system that will use it.")]
    [StringLength(80, ErrorMessage = "Keep the name to 80 characters.")]
    public string? Name { get; set; }

    [Display(Name = "Kind")]
    public string Mode { get; set; } = ApiKeyModes.Live;

    /// <summary>Empty by default: a form posted with every box unticked must bind as none, not as a default.</summary>
    [Display(Name = "Scopes")]
    public List<string> Scopes { get; set; } = [];

    [Display(Name = "Expires after (optional)")]
    [DataType(DataType.Date)]
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>What the annotations cannot say, by field name.</summary>
    public IEnumerable<(string Field, string Message)> RuleProblems(DateOnly clinicToday)
    {
        if (Mode is not (ApiKeyModes.Live or ApiKeyModes.Test))
        {
            yield return (nameof(Mode), "Choose a live or a test key.");
        }
        if (Scopes.Count == 0)
        {
            yield return (nameof(Scopes), "Choose at least one scope.");
        }
        else if (Scopes.Except(ApiScopes.All).Any())
        {
            yield return (nameof(Scopes), "Choose scopes from the list.");
        }
        if (ExpiresOn is { } day && day < clinicToday)
        {
            yield return (nameof(ExpiresOn), "Choose today or a later day, or leave it empty for a key that does not expire.");
        }
    }

    /// <summary>The key works through the whole chosen day in the clinic's zone: it expires at the next midnight there.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        // Where the clocks skip midnight, the day ends when they resume.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, zone), TimeSpan.Zero);
    }
}
