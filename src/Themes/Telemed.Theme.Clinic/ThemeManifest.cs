using Telemed.Core.Theming;

// The default public theme: a white header bar with the clinic's name, Bootstrap's look.
[assembly: PublicTheme(PublicThemes.DefaultName, "Clinic (classic)", "_ClinicLayout")]
