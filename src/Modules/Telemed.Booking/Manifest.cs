using Telemed.Core.Modules;

// Appointment events travel through the job queue; the patient portal reads users from Identity.
[assembly: ModuleManifest("Telemed.Booking", "Booking", Requires = ["Telemed.Core", "Telemed.Identity", "Telemed.Jobs"])]
