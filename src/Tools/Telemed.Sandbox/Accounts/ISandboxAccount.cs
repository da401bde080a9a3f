namespace Telemed.Sandbox.Accounts;

/// <summary>What the sandbox's account directories key an account by.</summary>
public interface ISandboxAccount
{
    /// <summary>The provider's stable id of the account.</summary>
    string Id { get; }

    string Email { get; }
}
