using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Telemed.Core.Api;

/// <summary>
/// Reads an API request's JSON body and checks it against its data annotations, nested objects included, so every
/// endpoint refuses bad input the same way: a 400 problem whose <c>errors</c> name each field in the body's own
/// (camelCase, dotted) terms. Read here rather than bound by the framework, whose refusal of unreadable JSON is an
/// empty 400 that the site would answer with its HTML error page.
/// </summary>
public static class ApiInput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The answer to a request whose body is not JSON (415).</summary>
    public static IResult JsonExpected() => TypedResults.Problem("Send the body as JSON with 'Content-Type: application/json'.",
        statusCode: StatusCodes.Status415UnsupportedMediaType, title: "JSON expected");

    /// <summary>The body, or the problem to answer with instead.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, JsonExpected());
        }
        T? value;
        try
        {
            value = await JsonSerializer.DeserializeAsync<T>(request.Body, Json, cancellationToken);
        }
        catch (JsonException exception)
        {
            var where = exception.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body";
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [where] = [$"This is not valid JSON for this field ({exception.Message.Split(". Path:")[0]})."],
            }, title: "The body could not be read"));
        }
        if (value is null)
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send a JSON object."] }));
        }
        var errors = Validate(value);
        return errors.Count == 0 ? (value, null) : (null, TypedResults.ValidationProblem(errors));
    }

    /// <summary>The annotation errors of <paramref name="value"/> and of the objects it holds, by camelCase path.</summary>
    public static Dictionary<string, string[]> Validate(object value)
    {
        var errors = new Dictionary<string, string[]>();
        Collect(value, "", errors);
        return errors;
    }

    private static void Collect(object value, string prefix, Dictionary<string, string[]> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                var key = prefix + JsonNamingPolicy.CamelCase.ConvertName(member);
                errors[key] = [.. errors.GetValueOrDefault(key, []), result.ErrorMessage ?? "This value is not valid."];
            }
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType.IsClass && property.PropertyType != typeof(string) && property.GetIndexParameters().Length == 0
                && property.GetValue(value) is { } nested)
            {
                Collect(nested, prefix + JsonNamingPolicy.CamelCase.ConvertName(property.Name) + ".", errors);
            }
        }
    }
}
