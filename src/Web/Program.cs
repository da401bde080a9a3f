using Telemed.Core.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();
await builder.AddTelemedAsync(typeof(Program).Assembly);

var app = builder.Build();
await app.UseTelemedAsync();
await app.RunAsync();

/// <summary>The web host; public so tests can boot it.</summary>
public partial class Program;
