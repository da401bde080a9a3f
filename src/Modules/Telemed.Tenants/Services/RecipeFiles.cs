using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Telemed.Tenants.Services;

/// <summary>Finds recipe files: <c>Recipes:Path</c>, else the recipes folder shipped beside the host.</summary>
public sealed class RecipeFiles(IConfiguration configuration, IHostEnvironment environment)
{
    public string Directory => configuration["Recipes:Path"] is { Length: > 0 } configured
        ? configured
        : new[] { Path.Combine(AppContext.BaseDirectory, "recipes"), Path.Combine(environment.ContentRootPath, "..", "..", "recipes") }
            .FirstOrDefault(System.IO.Directory.Exists) ?? Path.Combine(AppContext.BaseDirectory, "recipes");

    public async Task<string> ReadAsync(string name, CancellationToken cancellationToken = default)
    {
        var file = Path.Combine(Directory, name.EndsWith(".json", StringComparison.Ordinal) ? name : $"{name}.recipe.json");
        return File.Exists(file)
            ? await File.ReadAllTextAsync(file, cancellationToken)
            : throw new FileNotFoundException($"Recipe '{name}' was not found in {Directory}.", file);
    }

    public IEnumerable<string> List() => System.IO.Directory.Exists(Directory)
        ? System.IO.Directory.GetFiles(Directory, "*.recipe.json").Select(f => Path.GetFileName(f)[..^".recipe.json".Length]).Order()
        : [];
}
