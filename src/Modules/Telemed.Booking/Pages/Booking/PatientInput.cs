using System.ComponentModel.DataAnnotations;

namespace Telemed.Booking.Pages.Booking;

/// <summary>The patient's details on the booking form, with the messages shown beside each field.</summary>
public sealed class PatientInput
{
    public const string EmailPattern = @"^[^@\s<>""]+@[^@\s<>""]+\.[^@\s<>""]{2,}$";
    public const string PhonePattern = @"^\+?[0-9][0-9 ()\-.]{5,30}$";

    [Display(Name = "Full name")]
    [Required(ErrorMessage = "Please enter your full name.")]
    [StringLength(120, ErrorMessage = "Your name can be at most 120 characters.")]
    public string? Name { get; set; }

    [Display(Name = "E-mail")]
    [Required(ErrorMessage = "Please enter your e-mail address; we send the confirmation there.")]
    [StringLength(254, ErrorMessage = "An e-mail address can be at most 254 characters.")]
    [RegularExpression(EmailPattern, ErrorMessage = "Enter an e-mail address such as name@example.com.")]
    public string? Email { get; set; }

    [Display(Name = "Phone (optional)")]
    [StringLength(32, ErrorMessage = "A phone number can be at most 32 characters.")]
    [RegularExpression(PhonePattern, ErrorMessage = "Enter a phone number such as +44 20 7946 0000.")]
    public string? Phone { get; set; }

    [Display(Name = "Anything the clinic should know (optional)")]
    [StringLength(1000, ErrorMessage = "Please keep this to 1000 characters.")]
    public string? Notes { get; set; }
}
