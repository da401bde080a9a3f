using Telemed.Sandbox.Google;
using Telemed.Sandbox.Zoom;

namespace Telemed.Sandbox;

/// <summary>Settings of the provider sandbox, bound from the "Sandbox" configuration section.</summary>
public sealed class SandboxOptions
{
    /// <summary>How many requests the inspection log keeps before dropping the oldest.</summary>
    public int RequestLogCapacity { get; set; } = 2000;

    /// <summary>A secret that opens the control, inspection and fault endpoints to whoever sends it (tests, scripts).</summary>
    public string? ControlKey { get; set; }

    public ZoomSandboxOptions Zoom { get; set; } = new();

    public GoogleSandboxOptions Google { get; set; } = new();
}
