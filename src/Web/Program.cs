using Telemed.Web;

var app = await TelemedWebApp.BuildAsync(new WebApplicationOptions { Args = args });
await app.RunAsync();
