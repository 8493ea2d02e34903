using System.Text.Json;
using CommunityBot.Clients.Discord;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Discord;
using CommunityBot.Discord.Config;

namespace CommunityBot.Tests.Discord.Config;

public class ConfigCommandTests
{
    [Fact]
    public void Build_IsManageServerByDefaultAndGuildOnly()
    {
        var json = JsonSerializer.Serialize(ConfigCommand.Build(), DiscordJsonContext.Default.JsonApplicationCommand);
        using var document = JsonDocument.Parse(json);

        Assert.Equal("config", document.RootElement.GetProperty("name").GetString());
        Assert.Equal("32", document.RootElement.GetProperty("default_member_permissions").GetString());
        Assert.Equal([0], document.RootElement.GetProperty("contexts").EnumerateArray().Select(c => c.GetInt32()));
    }

    [Fact]
    public void Build_HasTheSubcommandsAndTextOrAnnouncementChannelOptions()
    {
        var options = ConfigCommand.Build().Options!;

        Assert.Equal(["epigraphs", "announcements", "pause", "resume", "preview", "post-now", "show", "history"], options.Select(o => o.Name));
        Assert.All(options, o => Assert.Equal(JsonApplicationCommandOption.SubCommandType, o.Type));
        var channels = options.SelectMany(o => o.Options ?? []).Where(o => o.Name == "channel").ToList();
        Assert.Equal(2, channels.Count);
        Assert.All(channels, c =>
        {
            Assert.Equal(JsonApplicationCommandOption.ChannelType, c.Type);
            Assert.True(c.Required);
            Assert.Equal([0, 5], c.ChannelTypes!);
        });
        Assert.Equal(["channel", "time", "cron", "timezone", "cards"], options[0].Options!.Select(o => o.Name));
    }

    [Fact]
    public void DiscordCommandSet_IncludesConfig_AndNoticesAChangedSubcommandOption()
    {
        var wanted = DiscordCommandSet.Build();
        var registered = wanted.Select(c => c.Name != ConfigCommand.Name ? c : c with
        {
            Options = [.. c.Options!.Select(o => o.Name != ConfigCommand.Epigraphs ? o : o with
            {
                Options = [.. o.Options!.Select(x => x.Name == "channel" ? x with { ChannelTypes = [0] } : x)],
            })],
        }).ToList();

        Assert.Contains(wanted, c => c.Name == ConfigCommand.Name);
        Assert.True(DiscordCommandSet.Matches(wanted, wanted));
        Assert.False(DiscordCommandSet.Matches(registered, wanted));
    }
}
