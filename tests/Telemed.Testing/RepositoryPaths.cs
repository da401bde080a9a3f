namespace Telemed.Testing;

/// <summary>Where the checkout and the built host are, found from the test's own folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "Web");

    public static string Recipes => Path.Combine(Root, "recipes");

    /// <summary>The built test node (the product's host plus diagnostic jobs), same configuration as the running tests.</summary>
    public static string NodeAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            return Path.Combine(Root, "tests", "Telemed.Testing.Node", "bin", configuration, "net10.0", "Telemed.Testing.Node.dll");
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TelemedSaaS.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("TelemedSaaS.sln was not found above the test folder.");
    }
}
