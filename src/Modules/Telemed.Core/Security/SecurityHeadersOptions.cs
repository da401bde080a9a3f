using Microsoft.AspNetCore.Http;

namespace Telemed.Core.Security;

/// <summary>The parts of the security headers that vary: bound from the "SecurityHeaders" section, paths added by modules.</summary>
public sealed class SecurityHeadersOptions
{
    /// <summary>How long a browser that reached the product over HTTPS keeps to HTTPS (sent only over HTTPS).</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// Tenant-relative paths whose address carries a secret (a manage token, a reset link): their pages send no
    /// Referer at all, not even to this site's own files. Modules add theirs with <c>AddNoReferrerPaths</c>.
    /// </summary>
    public ISet<PathString> NoReferrerPaths { get; } = new HashSet<PathString>();

    /// <summary>Query parameters that carry a secret wherever they appear; modules add theirs with <c>AddNoReferrerQueryKeys</c>.</summary>
    public ISet<string> NoReferrerQueryKeys { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}
