using System.Text;
using NSec.Cryptography;

namespace CommunityBot.Http;

/// <summary>
/// Discord signs every interaction it POSTs: Ed25519 over the X-Signature-Timestamp header followed by the raw body,
/// with the application's key. Anything that does not verify is not from Discord.
/// </summary>
public sealed class InteractionSignature
{
    private const int TimestampMaxBytes = 32;
    private readonly PublicKey _key;

    /// <param name="publicKeyHex">The application's public key, 64 hex digits, as the developer portal shows it.</param>
    public InteractionSignature(string publicKeyHex)
    {
        _key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
    }

    public bool Verify(string? timestamp, string? signatureHex, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || timestamp.Length > TimestampMaxBytes || signatureHex is not { Length: 128 })
        {
            return false;
        }
        Span<byte> signature = stackalloc byte[64];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != System.Buffers.OperationStatus.Done || written != signature.Length)
        {
            return false;
        }
        var signed = new byte[Encoding.ASCII.GetByteCount(timestamp) + body.Length];
        var prefix = Encoding.ASCII.GetBytes(timestamp, signed);
        body.CopyTo(signed.AsSpan(prefix));
        return SignatureAlgorithm.Ed25519.Verify(_key, signed, signature);
    }
}
