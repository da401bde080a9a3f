using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Telemed.Sandbox.Google.OAuth;

namespace Telemed.Sandbox.Google.Calendar;

/// <summary>
/// events.list on the account's primary calendar: filters, order, and paging with an opaque pageToken bound to the
/// account and the query. Incremental sync is not emulated: a syncToken is answered 410 fullSyncRequired, which
/// Google's clients already handle by listing again in full.
/// </summary>
public sealed class GoogleEventListHandler(GoogleEventHandlers handlers, GoogleEventStore events, GoogleLinks links, TimeProvider clock)
{
    private const int DefaultMaxResults = 250;
    private const int LargestPage = 2500;

    public IResult List(string calendarId, HttpContext http)
    {
        var (account, error) = handlers.Authorize(http, calendarId, GoogleScopes.ReadEvents);
        if (error is not null)
        {
            return error;
        }

        var query = http.Request.Query;
        if (!string.IsNullOrEmpty(query["syncToken"].FirstOrDefault()))
        {
            return GoogleErrors.Error(410, "fullSyncRequired", "Sync token is no longer valid, a full sync is required.");
        }

        var (filter, filterError) = GoogleEventFilter.Read(query);
        if (filterError is not null)
        {
            return filterError;
        }

        var pageSize = DefaultMaxResults;
        if (query["maxResults"].FirstOrDefault() is { } max && (!int.TryParse(max, NumberStyles.Integer, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1))
        {
            return GoogleErrors.InvalidParameter("maxResults", $"Invalid value '{max}'. Values must be within the range: [1, {LargestPage}]");
        }

        pageSize = Math.Min(pageSize, LargestPage);
        var fingerprint = Fingerprint(account!.Id, query);
        var offset = 0;
        if (query["pageToken"].FirstOrDefault() is { Length: > 0 } pageToken)
        {
            if (ReadPageToken(pageToken, fingerprint) is not { } continued)
            {
                return GoogleErrors.Invalid("Invalid pageToken value.");
            }

            offset = continued;
        }

        events.Count(account.Id, stats => stats.EventLists++);
        var all = events.OfAccount(account.Id);
        var matching = filter!.Apply(all);
        var page = matching.Skip(offset).Take(pageSize).ToList();
        var eventLinks = GoogleEventLinks.For(links, http.Request);
        var updated = all.Count == 0 ? clock.GetUtcNow() : all.Max(e => e.Updated);

        var list = new JsonObject
        {
            ["kind"] = "calendar#events",
            ["etag"] = $"\"p{updated.ToUnixTimeMilliseconds() * 1000}\"",
            ["summary"] = account.Email,
            ["description"] = "",
            ["updated"] = GoogleEventTimes.FormatTimestamp(updated),
            ["timeZone"] = "UTC",
            ["accessRole"] = "owner",
            ["defaultReminders"] = new JsonArray(new JsonObject { ["method"] = "popup", ["minutes"] = 10 }),
        };
        if (offset + page.Count < matching.Count)
        {
            list["nextPageToken"] = WritePageToken(offset + page.Count, fingerprint);
        }
        else
        {
            list["nextSyncToken"] = "CPDsandbox" + updated.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        }

        list["items"] = new JsonArray(page.Select(e => (JsonNode)GoogleEventPresenter.ToJson(e, eventLinks)).ToArray());
        return Results.Json(list, GoogleJson.CamelCase);
    }

    /// <summary>Ties a page token to the account and to the query it continues (paging parameters aside).</summary>
    private static string Fingerprint(string accountId, IQueryCollection query)
    {
        var parts = query.Where(p => p.Key is not ("pageToken" or "maxResults"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={string.Join(',', p.Value.ToArray())}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(accountId + "?" + string.Join('&', parts)));
        return Convert.ToHexString(hash, 0, 8);
    }

    private static string WritePageToken(int offset, string fingerprint) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{offset}:{fingerprint}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int? ReadPageToken(string token, string fingerprint)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/').PadRight(token.Length + ((4 - (token.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':', 2);
            return parts.Length == 2 && parts[1] == fingerprint && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var offset) && offset >= 0
                ? offset
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
