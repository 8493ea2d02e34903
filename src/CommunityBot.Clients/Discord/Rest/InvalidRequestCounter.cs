namespace CommunityBot.Clients.Discord.Rest;

// 401, 403 and non-shared 429 responses over the last ten minutes, in one-second slots.
internal sealed class InvalidRequestCounter
{
    private const int Slots = 600;

    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly int[] _counts = new int[Slots];
    private long _currentSecond;
    private int _total;

    public InvalidRequestCounter(TimeProvider time)
    {
        _time = time;
        _currentSecond = CurrentSecond();
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                MoveTo(CurrentSecond());
                return _total;
            }
        }
    }

    public int Increment()
    {
        lock (_lock)
        {
            var second = CurrentSecond();
            MoveTo(second);
            _counts[second % Slots]++;
            return ++_total;
        }
    }

    private long CurrentSecond() => _time.GetTimestamp() / _time.TimestampFrequency;

    private void MoveTo(long second)
    {
        if (second <= _currentSecond)
            return;

        if (second - _currentSecond >= Slots)
        {
            Array.Clear(_counts);
            _total = 0;
        }
        else
        {
            for (var s = _currentSecond + 1; s <= second; s++)
            {
                _total -= _counts[s % Slots];
                _counts[s % Slots] = 0;
            }
        }

        _currentSecond = second;
    }
}
