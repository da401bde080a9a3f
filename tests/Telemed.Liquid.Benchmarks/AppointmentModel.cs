namespace Telemed.Liquid.Benchmarks;

public sealed record Clinic(string Name, string Phone, string Address);

public sealed record Person(string Name, string Title);

public sealed record Patient(string FirstName, string LastName, string Email);

public sealed record Attendee(string Name, string Email, string Role);

public sealed record Meeting(string Provider, string JoinUrl, string Passcode, string? DialIn);

public sealed record Appointment(
    string Reference, string Service, DateTimeOffset Start, DateTimeOffset End, string TimeZone, int DurationMinutes, bool IsTelemed, string ManageUrl);

/// <summary>The data behind an appointment confirmation e-mail, shared by both engines.</summary>
public sealed record AppointmentConfirmation(
    Clinic Clinic, Person Host, Patient Patient, Appointment Appointment, Meeting Meeting, IReadOnlyList<Attendee> Attendees, IReadOnlyList<string> Instructions)
{
    public static AppointmentConfirmation Sample() => new(
        new Clinic("Riverside Health", "+44 20 7946 0000", "12 River Street, London"),
        new Person("Priya Shah", "Dr"),
        new Patient("jane", "doe", "jane.doe@example.com"),
        new Appointment(
            "APT-2024-00042",
            "Dermatology follow-up",
            new DateTimeOffset(2024, 7, 4, 13, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2024, 7, 4, 14, 0, 0, TimeSpan.Zero),
            "Europe/London",
            30,
            true,
            "https://riverside.example/manage/abc123"),
        new Meeting("Zoom", "https://zoom.example/j/123456789", "884211", "+44 20 3481 5237"),
        [
            new Attendee("Jane Doe", "jane.doe@example.com", "patient"),
            new Attendee("Priya Shah", "p.shah@riverside.example", "host"),
            new Attendee("John Doe", "john.doe@example.com", "guest"),
            new Attendee("Sam Lee", "s.lee@riverside.example", "assistant"),
        ],
        [
            "Find a quiet, well-lit room",
            "Test your camera and microphone",
            "Have your medication list ready",
            "Take photos of the affected skin area",
            "Join five minutes early",
        ]);

    /// <summary>Members a clinic admin's template may read; everything else stays hidden.</summary>
    public static void Register(Values.LiquidMemberRegistry members)
    {
        members.Register<Clinic>(m => m.Add("name", c => c.Name).Add("phone", c => c.Phone).Add("address", c => c.Address));
        members.Register<Person>(m => m.Add("name", p => p.Name).Add("title", p => p.Title));
        members.Register<Patient>(m => m.Add("first_name", p => p.FirstName).Add("last_name", p => p.LastName).Add("email", p => p.Email));
        members.Register<Attendee>(m => m.Add("name", a => a.Name).Add("email", a => a.Email).Add("role", a => a.Role));
        members.Register<Meeting>(m => m
            .Add("provider", x => x.Provider).Add("join_url", x => x.JoinUrl).Add("passcode", x => x.Passcode).Add("dial_in", x => x.DialIn));
        members.Register<Appointment>(m => m
            .Add("reference", a => a.Reference).Add("service", a => a.Service).Add("start", a => a.Start).Add("end", a => a.End)
            .Add("time_zone", a => a.TimeZone).Add("duration_minutes", a => a.DurationMinutes).Add("is_telemed", a => a.IsTelemed)
            .Add("manage_url", a => a.ManageUrl));
    }
}
