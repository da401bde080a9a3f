using Telemed.Core.Modules;

// The seeder and sign-up create a clinic's first users.
[assembly: ModuleManifest("Telemed.Tenants", "Tenants", Requires = ["Telemed.Core", "Telemed.Identity"])]
