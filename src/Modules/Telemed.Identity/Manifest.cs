using Telemed.Core.Modules;

[assembly: ModuleManifest("Telemed.Identity", "Identity", Requires = ["Telemed.Core"])]
