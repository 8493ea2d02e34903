namespace CommunityBot.Tests.Docs;

/// <summary>docs/configuration.md documents every key the program reads, each once, and no key it does not read.</summary>
public sealed class ConfigurationDocTests
{
    [Fact]
    public void ConfigurationDoc_EveryOptionsKey_HasExactlyOneRow()
    {
        var rows = KeyRows();

        var problems = ConfigurationKeys.All
            .Select(key => (Key: key, Rows: rows.Count(r => r == key)))
            .Where(k => k.Rows != 1)
            .Select(k => $"{k.Key}: {k.Rows} rows")
            .Order(StringComparer.Ordinal);
        Assert.Empty(problems);
    }

    [Fact]
    public void ConfigurationDoc_RowsOfTheOptionsSections_NameKeysThatExist()
    {
        var stale = KeyRows()
            .Where(key => ConfigurationKeys.Sections.Contains(key.Split(':')[0]))
            .Where(key => !ConfigurationKeys.All.Contains(key));
        Assert.Empty(stale);
    }

    [Fact]
    public void ConfigurationKeys_FromTheOptionsClasses_IncludeNestedAndListKeys()
    {
        Assert.Contains("Schedule:Epigraph:TimeZone", ConfigurationKeys.All);
        Assert.Contains("Mastodon:Accounts:N:Schedule:Cron", ConfigurationKeys.All);
        Assert.Contains("Mastodon:Accounts:N:Hashtags", ConfigurationKeys.All);
        Assert.Contains("Feeds:N:Timeout", ConfigurationKeys.All);
        Assert.Contains("Discord:ShardIds", ConfigurationKeys.All);
        Assert.DoesNotContain("Discord:Enabled", ConfigurationKeys.All);
        Assert.DoesNotContain("Storage:IsPostgres", ConfigurationKeys.All);
    }

    /// <summary>The key in the first cell of each table row below the header, backticks removed.</summary>
    private static List<string> KeyRows() =>
        MarkdownTable.All(MarkdownFile.Configuration)
            .SelectMany(table => table.Rows)
            .Select(row => row[0].Trim('`', ' '))
            .ToList();
}
