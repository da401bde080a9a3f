using Telemed.Core.Modules;

// Follows appointment and meeting events through the job queue, which also delivers the messages; reads
// appointments and manage links from Booking.
[assembly: ModuleManifest("Telemed.Notifications", "Notifications", Requires = ["Telemed.Core", "Telemed.Jobs", "Telemed.Booking"])]
