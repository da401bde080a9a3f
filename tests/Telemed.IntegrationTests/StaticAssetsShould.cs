using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace Telemed.IntegrationTests;

/// <summary>
/// The files a clinic's pages link (Bootstrap, scripts, styles, the icon) come compressed and, at the hashed address the
/// page links, cacheable for a year; pages themselves are never compressed (they carry tokens).
/// </summary>
public sealed class StaticAssetsShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task ServeEveryLinkedFileCompressedAndCachedForAYearAtItsHashedAddress()
    {
        var clinic = await TestClinics.ProvisionDemoAsync(fixture.Host, "assets");
        var client = fixture.Host.CreateClient();
        var page = await client.GetPageAsync($"/c/{clinic.Slug}/book");
        var linked = page.QuerySelectorAll("link[rel=stylesheet][href], link[rel=icon][href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Where(url => url.StartsWith('/'))
            .ToList();
        Assert.Contains(linked, url => url.Contains("bootstrap.min.css"));
        Assert.All(linked, url => Assert.Contains("?v=", url));

        foreach (var url in linked)
        {
            var plain = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            var cache = plain.Headers.CacheControl!;
            Assert.True(cache.Public && cache.MaxAge == TimeSpan.FromDays(365) && cache.Extensions.Any(e => e.Name == "immutable"), $"{url}: Cache-Control {cache}");
            var original = await plain.Content.ReadAsByteArrayAsync();

            foreach (var encoding in new[] { "br", "gzip" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
                var compressed = await client.SendAsync(request);
                Assert.Equal(encoding, Assert.Single(compressed.Content.Headers.ContentEncoding));
                Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
                var body = await compressed.Content.ReadAsByteArrayAsync();
                Assert.True(body.Length < original.Length, $"{url} in {encoding}: {body.Length} bytes, {original.Length} plain");
                Assert.Equal(original, Decompress(body, encoding));
            }
        }
    }

    [Fact]
    public async Task CacheAFileBrieflyWhenItsAddressHasNoOrAnOutdatedHash()
    {
        var clinic = await TestClinics.ProvisionDemoAsync(fixture.Host, "assets");
        var client = fixture.Host.CreateClient();
        foreach (var url in new[] { $"/c/{clinic.Slug}/lib/bootstrap/css/bootstrap.min.css", $"/c/{clinic.Slug}/lib/bootstrap/css/bootstrap.min.css?v=made-up" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TimeSpan.FromHours(1), response.Headers.CacheControl!.MaxAge);
            Assert.DoesNotContain(response.Headers.CacheControl.Extensions, e => e.Name == "immutable");
        }
    }

    [Fact]
    public async Task NeverCompressAPage()
    {
        var clinic = await TestClinics.ProvisionDemoAsync(fixture.Host, "assets");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/c/{clinic.Slug}/login");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        var response = await fixture.Host.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
    }

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
