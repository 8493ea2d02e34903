namespace CommunityBot.Benchmarks;

/// <summary>Resident memory, its peak, threads and CPU time of a Linux process, from /proc.</summary>
internal readonly record struct ProcessStatus(long ResidentKb, long AnonymousKb, long FileKb, long PeakResidentKb, int Threads, double CpuSeconds)
{
    // USER_HZ, the unit of utime and stime in /proc/<pid>/stat, is 100 on every Linux we run on.
    private const double ClockTicksPerSecond = 100;

    public static ProcessStatus Read(int pid)
    {
        long resident = 0, anonymous = 0, file = 0, peak = 0;
        var threads = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                resident = FirstNumber(line);
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
                anonymous = FirstNumber(line);
            else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
                file = FirstNumber(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                peak = FirstNumber(line);
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                threads = (int)FirstNumber(line);
        }
        // The command name in field 2 may hold spaces; the fields after its closing parenthesis do not.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var cpu = (long.Parse(fields[11]) + long.Parse(fields[12])) / ClockTicksPerSecond;
        return new ProcessStatus(resident, anonymous, file, peak, threads, cpu);
    }

    private static long FirstNumber(string line) =>
        long.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1]);
}
