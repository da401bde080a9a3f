using System.ComponentModel.DataAnnotations;
using Telemed.Core.Clinic;

namespace Telemed.Booking.Pages.Booking;

/// <summary>The service form. Durations are typed as "15, 30, 45".</summary>
public sealed class ServiceInput
{
    [Required(ErrorMessage = "Give the service a name.")]
    [StringLength(120, ErrorMessage = "At most 120 characters.")]
    public string? Name { get; set; }

    [StringLength(2000, ErrorMessage = "At most 2000 characters.")]
    public string? Description { get; set; }

    [Display(Name = "Lengths offered (minutes)")]
    [Required(ErrorMessage = "Give at least one length, such as 30.")]
    [StringLength(100)]
    public string? Durations { get; set; }

    [Display(Name = "Video visit (telemedicine)")]
    public bool Telemed { get; set; }

    [Display(Name = "Meeting provider")]
    [StringLength(MeetingProviders.MaxIdLength)]
    public string? MeetingProvider { get; set; }

    [Display(Name = "Seats (1 = one patient, more = group session)")]
    [Range(1, 500, ErrorMessage = "From 1 to 500 seats.")]
    public int Capacity { get; set; } = 1;

    [Display(Name = "Buffer before (minutes)")]
    [Range(0, 240, ErrorMessage = "From 0 to 240 minutes.")]
    public int BufferBefore { get; set; }

    [Display(Name = "Buffer after (minutes)")]
    [Range(0, 240, ErrorMessage = "From 0 to 240 minutes.")]
    public int BufferAfter { get; set; }

    [Display(Name = "Minimum notice (minutes)")]
    [Range(0, 43200, ErrorMessage = "From 0 to 43200 minutes (30 days).")]
    public int MinimumNotice { get; set; } = 60;

    [Display(Name = "Booking horizon (days ahead)")]
    [Range(1, 730, ErrorMessage = "From 1 to 730 days.")]
    public int HorizonDays { get; set; } = 60;

    [Display(Name = "Cancel or reschedule online up to (minutes before)")]
    [Range(0, 43200, ErrorMessage = "From 0 to 43200 minutes (30 days).")]
    public int ChangeNotice { get; set; } = 1440;

    public bool Active { get; set; } = true;

    public List<Guid> HostIds { get; set; } = [];

    /// <summary>
    /// The rules the attributes cannot say (the list of lengths, the provider a video service needs), by
    /// field. The form adds them to the attribute errors; the services recipe step checks both the same way.
    /// The form passes the providers it <paramref name="offered"/>; a recipe may name one not installed yet.
    /// </summary>
    public IReadOnlyList<(string Field, string Message)> RuleProblems(out int[]? durations, IReadOnlyCollection<string>? offered = null)
    {
        var problems = new List<(string, string)>();
        durations = ParseDurations(out var durationError);
        if (durationError is not null)
        {
            problems.Add((nameof(Durations), durationError));
        }
        var provider = MeetingProviders.Normalize(MeetingProvider);
        if (!MeetingProviders.IsWellFormed(provider) || (offered is not null && provider != MeetingProviders.None && !offered.Contains(provider)))
        {
            problems.Add((nameof(MeetingProvider), "Choose a meeting provider from the list."));
        }
        else if (Telemed && provider == MeetingProviders.None)
        {
            problems.Add((nameof(MeetingProvider), "A video service needs a meeting provider."));
        }
        return problems;
    }

    /// <summary>The lengths as numbers, or null with the reason when the text is not a list of 5-480.</summary>
    private int[]? ParseDurations(out string? error)
    {
        error = null;
        var parts = (Durations ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        var values = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, out var minutes) || minutes is < 5 or > 480)
            {
                error = $"'{(part.Length > 10 ? part[..10] : part)}' is not a length from 5 to 480 minutes.";
                return null;
            }
            values.Add(minutes);
        }
        if (values.Count is 0 or > 12)
        {
            error = "Give from 1 to 12 lengths, such as 15, 30, 45.";
            return null;
        }
        return values.Distinct().Order().ToArray();
    }
}
