using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Recipes;
using Telemed.Core.Security;

namespace Telemed.Identity.Recipes;

/// <summary>
/// <c>{ "step": "users", "users": [ { "email", "password", "displayName", "roles": [..] } ] }</c>.
/// Users that already exist (same e-mail in this clinic) are left as they are.
/// </summary>
public sealed class UsersRecipeStep : IRecipeStep
{
    public string Name => "users";

    public IEnumerable<string> Validate(JsonElement step)
    {
        if (!step.TryGetProperty("users", out var users) || users.ValueKind != JsonValueKind.Array)
        {
            yield return "\"users\" must be a list";
            yield break;
        }
        var index = 0;
        foreach (var user in users.EnumerateArray())
        {
            index++;
            var email = user.TryGetProperty("email", out var e) ? e.GetString() : null;
            if (string.IsNullOrWhiteSpace(email) || !email.Contains('@'))
            {
                yield return $"user {index} needs a valid \"email\"";
            }
            if (user.TryGetProperty("roles", out var roles))
            {
                foreach (var role in roles.EnumerateArray().Select(r => r.GetString()).Where(r => !Roles.All.Contains(r!)))
                {
                    yield return $"user {index} has unknown role '{role}'";
                }
            }
        }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var directory = context.Services.GetRequiredService<IUserDirectory>();
        foreach (var user in context.Step.GetProperty("users").EnumerateArray())
        {
            var email = user.GetProperty("email").GetString()!;
            if (await directory.FindByEmailAsync(email, cancellationToken) is not null)
            {
                continue;
            }
            var password = user.TryGetProperty("password", out var p) ? p.GetString() : null;
            var displayName = user.TryGetProperty("displayName", out var d) ? d.GetString() ?? email : email;
            var roles = user.TryGetProperty("roles", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
            await directory.CreateAsync(email, password, displayName, roles, cancellationToken);
        }
    }
}
