using Telemed.Core.Modules;

[assembly: ModuleManifest("Telemed.GoogleMeet", "Google Meet", Requires = ["Telemed.Meetings"])]
