using Telemed.Sandbox;

// Standalone provider sandbox: dotnet run --project src/Tools/Telemed.Sandbox.Host -- --urls http://127.0.0.1:5099
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProviderSandbox();

var app = builder.Build();
app.MapGet("/", (HttpRequest request) =>
{
    var root = $"{request.Scheme}://{request.Host}";
    return Results.Text(
        $"""
        TelemedSaaS provider sandbox
        Zoom OAuth base:  {root}/zoom          (GET /oauth/authorize, POST /oauth/token, POST /oauth/revoke)
        Zoom API base:    {root}/zoom/v2       (users/me, users/:userId/meetings, meetings/:id)
        App settings:     {root}/_sandbox/zoom/app
        Accounts:         {root}/_sandbox/zoom/accounts
        Meetings:         {root}/_sandbox/zoom/meetings
        Faults:           {root}/_sandbox/zoom/faults
        Webhooks:         {root}/_sandbox/zoom/webhooks/deliveries
        Google consent:   {root}/google/o/oauth2/v2/auth   (POST /google/token, POST /google/revoke)
        Google API root:  {root}/google          (oauth2/v3/userinfo, calendar/v3/calendars/primary/events)
        Google client:    {root}/_sandbox/google/app
        Google accounts:  {root}/_sandbox/google/accounts
        Google events:    {root}/_sandbox/google/events?include_deleted=true
        Google faults:    {root}/_sandbox/google/faults
        Request log:      {root}/_sandbox/requests
        """);
}).ExcludeFromDescription();
app.MapProviderSandbox();

app.Run();
