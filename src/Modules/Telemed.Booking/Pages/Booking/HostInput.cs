using System.ComponentModel.DataAnnotations;

namespace Telemed.Booking.Pages.Booking;

/// <summary>The host form. Weekly hours are one text per weekday, indexed by <see cref="DayOfWeek"/>.</summary>
public sealed class HostInput
{
    [Display(Name = "Signs in as")]
    public Guid? UserId { get; set; }

    /// <summary>Someone new to invite as this host, instead of an existing user: they get an e-mail to choose a password.</summary>
    [Display(Name = "Or invite them by e-mail")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(200, ErrorMessage = "At most 200 characters.")]
    public string? InviteEmail { get; set; }

    [Display(Name = "Display name")]
    [Required(ErrorMessage = "Give the name patients see.")]
    [StringLength(120, ErrorMessage = "At most 120 characters.")]
    public string? DisplayName { get; set; }

    [StringLength(2000, ErrorMessage = "At most 2000 characters.")]
    public string? Bio { get; set; }

    [Display(Name = "Time zone")]
    [Required(ErrorMessage = "Choose the zone the hours are in.")]
    public string? TimeZone { get; set; }

    /// <summary>Always seven entries, whatever a posted form held (a missing day is empty, extra ones are dropped).</summary>
    public string?[] Weekly
    {
        get => weekly;
        set
        {
            weekly = new string?[7];
            if (value is not null)
            {
                Array.Copy(value, weekly, Math.Min(value.Length, weekly.Length));
            }
        }
    }

    private string?[] weekly = new string?[7];

    [Display(Name = "Other hours on given dates")]
    [StringLength(4000, ErrorMessage = "At most 4000 characters.")]
    public string? Overrides { get; set; }

    [Display(Name = "Out of office")]
    [StringLength(4000, ErrorMessage = "At most 4000 characters.")]
    public string? OutOfOffice { get; set; }

    public bool Active { get; set; } = true;

    public List<Guid> ServiceIds { get; set; } = [];

    /// <summary>Monday first, as clinics read a week.</summary>
    public static readonly IReadOnlyList<DayOfWeek> WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
}
