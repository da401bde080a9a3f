using Microsoft.AspNetCore.Builder;
using Telemed.Testing.Jobs;
using Telemed.Web;

// A product node for multi-process tests and load runs: the real host, built the way Program.cs in src/Web
// builds it, with the diagnostic job kinds added. The application name stays the product's, so pages,
// static assets and Data Protection behave as in the product.
var app = await TelemedWebApp.BuildAsync(
    new WebApplicationOptions { Args = args, ApplicationName = "Telemed.Web" },
    services => services.AddDiagnosticJobs());
await app.RunAsync();
