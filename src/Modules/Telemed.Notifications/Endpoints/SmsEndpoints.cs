using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telemed.Notifications.Data;
using Telemed.Notifications.Delivery;
using Telemed.Notifications.Services;

namespace Telemed.Notifications.Endpoints;

/// <summary>The SMS provider's inbound webhook (replies: STOP opts the number out) and the SMS sandbox's endpoints.</summary>
public static class SmsEndpoints
{
    private static readonly string[] StopWords = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"];

    public sealed record InboundSms(string From, string Text);
    public sealed record SandboxSend(string To, string From, string Text);

    public static void Map(IEndpointRouteBuilder endpoints, bool sandbox)
    {
        endpoints.MapPost("/notifications/sms/inbound", InboundAsync).DisableAntiforgery().WithName("SmsInbound")
            .WithSummary("A reply from a patient's phone, as the SMS provider forwards it; STOP opts the number out of this clinic's messages.");
        if (sandbox)
        {
            endpoints.MapPost(SmsSandbox.MessagesPath, (SandboxSend body, SmsSandbox box) => TypedResults.Ok(new { id = box.Accept(body.To, body.From, body.Text).Id, status = "queued" }))
                .DisableAntiforgery().WithName("SmsSandboxSend");
        }
    }

    private static async Task<Results<Ok<object>, ProblemHttpResult>> InboundAsync(
        InboundSms body, HttpRequest request, IOptions<SmsOptions> options, NotificationsDb db, CancellationToken cancellationToken)
    {
        var key = options.Value.InboundKey;
        var given = request.Headers["X-Sms-Key"].ToString();
        if (key.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key)))
        {
            // A body, so the error pages leave the answer alone.
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The X-Sms-Key header does not match Sms:InboundKey.");
        }
        var phone = PhoneNumbers.Normalize(body.From);
        if (phone is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "from is not a phone number.");
        }
        var word = body.Text.Trim().ToUpperInvariant();
        if (StopWords.Contains(word))
        {
            if (!await db.OptOuts.AnyAsync(o => o.Phone == phone, cancellationToken))
            {
                db.OptOuts.Add(new SmsOptOut { Phone = phone });
                await db.SaveChangesAsync(cancellationToken);
            }
            return TypedResults.Ok<object>(new { optedOut = true });
        }
        if (word is "START" or "UNSTOP")
        {
            await db.OptOuts.Where(o => o.Phone == phone).ExecuteDeleteAsync(cancellationToken);
            return TypedResults.Ok<object>(new { optedOut = false });
        }
        return TypedResults.Ok<object>(new { ignored = true });
    }
}
