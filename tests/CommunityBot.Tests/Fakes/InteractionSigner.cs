using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace CommunityBot.Tests.Fakes;

/// <summary>Signs interactions as Discord does (Ed25519 over timestamp + body), with a key made for the test.</summary>
public sealed class InteractionSigner : IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);

    /// <summary>What Discord:PublicKey is set to: the raw public key in hex.</summary>
    public string PublicKeyHex => Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public (string Timestamp, string Signature) Sign(string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body));
        return (timestamp, Convert.ToHexStringLower(signature));
    }

    public void Dispose() => _key.Dispose();
}
