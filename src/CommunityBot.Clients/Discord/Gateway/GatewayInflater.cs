using System.IO.Compression;

namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>
/// zlib-stream: one inflate context for the whole connection, fed one complete message (ending 00 00 ff ff) at a time.
/// </summary>
internal sealed class GatewayInflater : IDisposable
{
    private const int ChunkSize = 8192;

    private readonly MessageStream _input = new();
    private readonly ZLibStream _zlib;

    public GatewayInflater() => _zlib = new ZLibStream(_input, CompressionMode.Decompress, leaveOpen: true);

    public void Inflate(ReadOnlyMemory<byte> compressed, GatewayBuffer output)
    {
        _input.SetMessage(compressed);
        int read;
        while ((read = _zlib.Read(output.GetSpan(ChunkSize))) > 0)
            output.Advance(read);
    }

    public void Dispose()
    {
        _zlib.Dispose();
        _input.Dispose();
    }

    // Returning 0 at the end of a message makes ZLibStream hand back what it has inflated while keeping its state.
    private sealed class MessageStream : Stream
    {
        private ReadOnlyMemory<byte> _message;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public void SetMessage(ReadOnlyMemory<byte> message) => _message = message;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, _message.Length);
            _message.Span[..count].CopyTo(buffer);
            _message = _message[count..];
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
