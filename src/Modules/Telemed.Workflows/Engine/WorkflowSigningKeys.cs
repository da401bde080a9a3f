using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Telemed.Workflows.Data;

namespace Telemed.Workflows.Engine;

/// <summary>The clinic's key for signing workflow HTTP requests: made on first use, kept encrypted, shown to admins to verify with.</summary>
public sealed class WorkflowSigningKeys(WorkflowsDb db, IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Telemed.Workflows.SigningKey");

    public async Task<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        var setup = await db.Setups.SingleOrDefaultAsync(cancellationToken);
        if (setup?.ProtectedSigningSecret is { } stored)
        {
            return Convert.FromBase64String(_protector.Unprotect(stored));
        }
        var key = RandomNumberGenerator.GetBytes(32);
        if (setup is null)
        {
            setup = new WorkflowSetup();
            db.Setups.Add(setup);
        }
        setup.ProtectedSigningSecret = _protector.Protect(Convert.ToBase64String(key));
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>The key as the admin copies it into the receiving system.</summary>
    public async Task<string> DisplayAsync(CancellationToken cancellationToken) => Convert.ToBase64String(await GetAsync(cancellationToken));
}
