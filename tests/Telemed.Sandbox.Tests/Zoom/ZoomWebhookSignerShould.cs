using System.Security.Cryptography;
using System.Text;
using Telemed.Sandbox.Zoom.Webhooks;

namespace Telemed.Sandbox.Tests.Zoom;

public sealed class ZoomWebhookSignerShould
{
    private const string Secret = "webhook-secret-token";
    private const string Body = """{"event":"meeting.ended","event_ts":1796387400123,"payload":{"account_id":"A1","object":{"id":"87412365098"}}}""";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_796_387_400);

    private readonly ZoomWebhookSigner _signer = new(Secret);

    [Fact]
    public void SignTheV0MessageOfTimestampAndRawBody()
    {
        var expected = "v0=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"v0:1796387400:{Body}")));

        Assert.Equal(expected, _signer.Sign(1_796_387_400, Body));
    }

    [Fact]
    public void EncryptThePlainTokenOfAUrlValidation()
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), "qgg8vlvZRS6UYooatFL8Aw"u8.ToArray()));

        Assert.Equal(expected, _signer.EncryptToken("qgg8vlvZRS6UYooatFL8Aw"));
    }

    [Theory]
    [InlineData(0, Body, null, ZoomWebhookVerification.Valid)]
    [InlineData(-240, Body, null, ZoomWebhookVerification.Valid)]
    [InlineData(-360, Body, null, ZoomWebhookVerification.StaleTimestamp)]
    [InlineData(600, Body, null, ZoomWebhookVerification.StaleTimestamp)]
    [InlineData(0, Body + " ", null, ZoomWebhookVerification.BadSignature)]
    [InlineData(0, Body, "another-secret", ZoomWebhookVerification.BadSignature)]
    public void VerifyAuthenticityThenFreshness(int ageSeconds, string receivedBody, string? signingSecret, ZoomWebhookVerification expected)
    {
        var timestamp = Now.AddSeconds(ageSeconds).ToUnixTimeSeconds();
        var signature = new ZoomWebhookSigner(signingSecret ?? Secret).Sign(timestamp, Body);

        Assert.Equal(expected, _signer.Verify(timestamp.ToString(), signature, receivedBody, Now));
    }

    [Theory]
    [InlineData(null, "v0=abc")]
    [InlineData("1796387400", null)]
    [InlineData("", "")]
    public void RefuseADeliveryWithoutItsHeaders(string? timestamp, string? signature)
    {
        Assert.Equal(ZoomWebhookVerification.MissingHeaders, _signer.Verify(timestamp, signature, Body, Now));
    }

    [Fact]
    public void RefuseATimestampThatIsNotANumber()
    {
        Assert.Equal(ZoomWebhookVerification.BadSignature, _signer.Verify("yesterday", _signer.Sign(1_796_387_400, Body), Body, Now));
    }
}
