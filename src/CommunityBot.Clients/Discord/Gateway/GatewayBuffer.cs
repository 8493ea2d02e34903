using System.Buffers;

namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>A growable byte buffer rented from the shared pool and reused for every message of a connection.</summary>
internal sealed class GatewayBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] _array;
    private int _count;

    public GatewayBuffer(int initialSize) => _array = ArrayPool<byte>.Shared.Rent(initialSize);

    public ReadOnlyMemory<byte> Written => _array.AsMemory(0, _count);

    public void Clear() => _count = 0;

    public void Advance(int count) => _count += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsMemory(_count);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsSpan(_count);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_array);
        _array = [];
    }

    private void Reserve(int sizeHint)
    {
        var needed = _count + Math.Max(sizeHint, 1);
        if (needed <= _array.Length)
            return;

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array.Length * 2));
        _array.AsSpan(0, _count).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
    }
}
