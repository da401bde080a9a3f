using Telemed.Core.Modules;

// The API's first endpoints (services, hosts, availability) are Booking's, mapped by Booking with the scope policies this module registers.
[assembly: ModuleManifest("Telemed.Api", "REST API", Requires = ["Telemed.Core", "Telemed.Booking"])]
