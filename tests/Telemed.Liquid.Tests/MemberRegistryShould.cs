namespace Telemed.Liquid.Tests;

public class MemberRegistryShould
{
    private sealed record Patient(string Name, string Email, string PasswordHash, DateTimeOffset Born, IList<Visit> Visits);

    private sealed record Visit(string Reason, decimal Fee);

    private sealed class Secret
    {
        public string Value => "classified";

        public override string ToString() => "classified";
    }

    private sealed class Clinic : ILiquidObject
    {
        public bool TryGetMember(string name, out LiquidValue value)
        {
            value = name == "name" ? "Riverside" : LiquidValue.Nil;
            return name == "name";
        }
    }

    private static LiquidOptions CreateOptions()
    {
        var options = new LiquidOptions();
        options.Members.Register<Patient>(members => members
            .Add("name", p => p.Name)
            .Add("born", p => p.Born)
            .AddObject("visits", p => p.Visits));
        options.Members.Register<Visit>(members => members.Add("reason", v => v.Reason).Add("fee", v => v.Fee));
        return options;
    }

    private static readonly Patient Ann = new("Ann", "ann@example.com", "hash", new DateTimeOffset(1990, 2, 3, 0, 0, 0, TimeSpan.Zero), [new Visit("Checkup", 40.5m), new Visit("Flu", 20m)]);

    [Theory]
    [InlineData("{{ patient.name }}", "Ann")]
    [InlineData("{{ patient.born | date: '%Y' }}", "1990")]
    [InlineData("{{ patient.visits.size }}", "2")]
    [InlineData("{{ patient.visits[1].reason }}", "Flu")]
    [InlineData("{{ patient.visits | map: 'fee' | join: ',' }}", "40.5,20.0")]
    [InlineData("{% for v in patient.visits %}{{ v.reason }};{% endfor %}", "Checkup;Flu;")]
    [InlineData("{{ patient.visits | where: 'reason', 'Flu' | map: 'fee' | first }}", "20.0")]
    [InlineData("{{ patient.visits | sort: 'fee' | map: 'reason' | join: ',' }}", "Flu,Checkup")]
    [InlineData("{{ clinic.name }}|{{ clinic.secret }}", "Riverside|")]
    public void ExposeOnlyRegisteredMembers(string template, string expected)
    {
        var model = new LiquidObject { ["patient"] = LiquidValue.FromObject(Ann), ["clinic"] = LiquidValue.Create(new Clinic()) };

        Assert.Equal(expected, TestLiquid.Render(template, model, CreateOptions()));
    }

    [Theory]
    [InlineData("{{ patient.email }}")]
    [InlineData("{{ patient.PasswordHash }}")]
    [InlineData("{{ patient.Name }}")]
    [InlineData("{{ patient.GetType }}")]
    [InlineData("{{ patient }}")]
    [InlineData("{{ secret }}{{ secret.Value }}{{ secret.value }}")]
    [InlineData("{{ secret | append: '' }}{{ secret | map: 'Value' }}")]
    public void HideEverythingElse(string template)
    {
        var model = new LiquidObject { ["patient"] = LiquidValue.FromObject(Ann), ["secret"] = LiquidValue.FromObject(new Secret()) };

        Assert.Equal(string.Empty, TestLiquid.Render(template, model, CreateOptions()));
    }

    [Fact]
    public void TreatHiddenMembersAsUndefinedWhenStrict()
    {
        var options = CreateOptions();
        options.StrictVariables = true;
        var model = new LiquidObject { ["patient"] = LiquidValue.FromObject(Ann) };

        Assert.Equal("Undefined variable 'patient.email'", TestLiquid.RenderError("{{ patient.email }}", model, options).Reason);
    }

    [Fact]
    public void ConvertDictionariesAndSequences()
    {
        var model = new LiquidObject
        {
            ["data"] = LiquidValue.FromObject(new Dictionary<string, object?> { ["count"] = 3, ["tags"] = new[] { "a", "b" }, ["when"] = new DateOnly(2024, 1, 2) }),
            ["numbers"] = LiquidValue.FromObject(Enumerable.Range(1, 3)),
        };

        Assert.Equal("3|a,b|2024-01-02|6", TestLiquid.Render("{{ data.count }}|{{ data.tags | join: ',' }}|{{ data.when | date: '%F' }}|{{ numbers | sum }}", model));
    }
}
