using System.ComponentModel.DataAnnotations;

namespace Telemed.Booking.Pages.Booking;

/// <summary>The patient's details as staff enter them when booking for a patient, with the messages shown beside each field.</summary>
public sealed class StaffPatientInput
{
    [Display(Name = "Patient's full name")]
    [Required(ErrorMessage = "Enter the patient's full name.")]
    [StringLength(120, ErrorMessage = "A name can be at most 120 characters.")]
    public string? Name { get; set; }

    [Display(Name = "Patient's e-mail")]
    [Required(ErrorMessage = "Enter the patient's e-mail address; the confirmation goes there.")]
    [StringLength(254, ErrorMessage = "An e-mail address can be at most 254 characters.")]
    [RegularExpression(PatientInput.EmailPattern, ErrorMessage = "Enter an e-mail address such as name@example.com.")]
    public string? Email { get; set; }

    [Display(Name = "Patient's phone (optional)")]
    [StringLength(32, ErrorMessage = "A phone number can be at most 32 characters.")]
    [RegularExpression(PatientInput.PhonePattern, ErrorMessage = "Enter a phone number such as +44 20 7946 0000.")]
    public string? Phone { get; set; }

    /// <summary>The zone the patient's messages give times in; checked against the tz database by the page.</summary>
    [Display(Name = "Patient's time zone")]
    [Required(ErrorMessage = "Choose the patient's time zone.")]
    public string? TimeZone { get; set; }

    [Display(Name = "Notes for the host (optional)")]
    [StringLength(1000, ErrorMessage = "Please keep this to 1000 characters.")]
    public string? Notes { get; set; }
}
