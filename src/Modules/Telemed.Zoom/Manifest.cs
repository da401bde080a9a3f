using Telemed.Core.Modules;

[assembly: ModuleManifest("Telemed.Zoom", "Zoom", Requires = ["Telemed.Meetings"])]
