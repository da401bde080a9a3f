using Telemed.Core.Modules;

[assembly: ModuleManifest("Telemed.Core", "Kernel")]
