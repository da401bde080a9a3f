using Telemed.Core.Modules;

[assembly: ModuleManifest("Telemed.Jobs", "Jobs", Requires = ["Telemed.Core"])]
