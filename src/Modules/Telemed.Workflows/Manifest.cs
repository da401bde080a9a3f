using Telemed.Core.Modules;

// Runs clinic-edited graphs of activities when appointments and meetings change; each step is a job. Activities come
// from the modules that own the work (meetings, notifications, booking) through Telemed.Core.Workflows.
[assembly: ModuleManifest("Telemed.Workflows", "Workflows", Requires = ["Telemed.Core", "Telemed.Jobs"])]
