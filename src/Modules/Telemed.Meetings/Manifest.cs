using Telemed.Core.Modules;

// Follows the appointment events Booking publishes (through the job queue) and runs its provider work as jobs.
[assembly: ModuleManifest("Telemed.Meetings", "Meetings", Requires = ["Telemed.Core", "Telemed.Jobs"])]
