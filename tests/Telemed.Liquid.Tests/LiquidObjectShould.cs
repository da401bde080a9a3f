namespace Telemed.Liquid.Tests;

public class LiquidObjectShould
{
    [Fact]
    public void KeepInsertionOrderAndReplaceInPlace()
    {
        var hash = new LiquidObject { ["b"] = 1, ["a"] = 2, ["c"] = 3 };
        hash["a"] = 20;

        Assert.Equal(["b:1", "a:20", "c:3"], hash.Select(pair => $"{pair.Key}:{pair.Value}"));
        Assert.Equal(3, hash.Count);
    }

    [Fact]
    public void FindKeysByValueNotOnlyByReference()
    {
        var key = new string(['n', 'a', 'm', 'e']);
        var hash = new LiquidObject { [key] = "Jane" };

        Assert.True(hash.TryGetValue("name", out var value));
        Assert.Equal("Jane", value.ToString());
        Assert.False(hash.ContainsKey("Name"));
        Assert.True(hash["missing"].IsNil);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(200)]
    public void FindEveryKeyWhateverItsSize(int size)
    {
        var hash = new LiquidObject();
        for (var i = 0; i < size; i++)
        {
            hash[$"key{i}"] = i;
        }

        hash[$"key{size / 2}"] = -1;

        Assert.Equal(size, hash.Count);
        Assert.All(Enumerable.Range(0, size), i => Assert.Equal(i == size / 2 ? -1 : i, hash[$"key{i}"].AsInteger));
        Assert.Equal(Enumerable.Range(0, size).Select(i => $"key{i}"), hash.Select(pair => pair.Key));
        Assert.Equal(size, TestLiquid.Render("{{ h | size }}", new LiquidObject { ["h"] = hash }).Length > 0 ? hash.Count : -1);
    }

    [Fact]
    public void StartAgainWhenCleared()
    {
        var hash = new LiquidObject();
        for (var i = 0; i < 20; i++)
        {
            hash[$"k{i}"] = i;
        }

        hash.Clear();
        hash["x"] = 1;

        Assert.Equal(1, hash.Count);
        Assert.True(hash["k3"].IsNil);
        Assert.Equal("x=1", string.Join(",", hash.Select(pair => $"{pair.Key}={pair.Value}")));
    }

    [Fact]
    public void RefuseNullKeys() => Assert.Throws<ArgumentNullException>(() => new LiquidObject()[null!] = 1);

    [Fact]
    public void RenderTemplatesAgainstLargeModels()
    {
        var model = new LiquidObject();
        for (var i = 0; i < 50; i++)
        {
            model[$"v{i}"] = i;
        }

        Assert.Equal("0 25 49", TestLiquid.Render("{{ v0 }} {{ v25 }} {{ v49 }}", model));
    }
}
