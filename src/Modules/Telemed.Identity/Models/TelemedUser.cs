using Microsoft.AspNetCore.Identity;
using Telemed.Core.Data;

namespace Telemed.Identity.Models;

/// <summary>A person who signs in to one clinic. The same e-mail may exist in two clinics as two users.</summary>
public sealed class TelemedUser : IdentityUser<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public sealed class TelemedRole : IdentityRole<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
}
