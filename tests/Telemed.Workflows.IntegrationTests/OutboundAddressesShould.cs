using System.Net;
using Telemed.Core.Http;

namespace Telemed.Workflows.IntegrationTests;

/// <summary>Workflow HTTP requests reach public addresses only, checked on the address the connection is made to.</summary>
public sealed class OutboundAddressesShould
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.1", true)]
    [InlineData("192.168.1.10", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("2606:4700::6810:85e5", false)]
    public void TellPrivateAddressesFromPublicOnes(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, OutboundAddresses.IsPrivate(IPAddress.Parse(address)));

    [Fact]
    public async Task RefuseToConnectToALoopbackReceiverUnlessAllowed()
    {
        using var receiver = new RecordingReceiver(HttpStatusCode.OK);
        using var guarded = new HttpClient(new SocketsHttpHandler { ConnectCallback = OutboundAddresses.Connector(() => false) });
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => guarded.GetAsync(receiver.Url));
        Assert.Contains("no public address", refused.ToString());
        Assert.Empty(receiver.Requests);

        // The name "localhost" resolves to loopback too: refused the same way.
        var byName = receiver.Url.Replace("127.0.0.1", "localhost");
        await Assert.ThrowsAsync<HttpRequestException>(() => guarded.GetAsync(byName));
        Assert.Empty(receiver.Requests);

        using var allowed = new HttpClient(new SocketsHttpHandler { ConnectCallback = OutboundAddresses.Connector(() => true) });
        Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync(receiver.Url)).StatusCode);
        Assert.Single(receiver.Requests);
    }
}
