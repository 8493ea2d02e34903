using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Discord.Config;

/// <summary>The /config slash command: Manage Server by default, in servers only.</summary>
public static class ConfigCommand
{
    public const string Name = "config";
    public const string Epigraphs = "epigraphs";
    public const string Announcements = "announcements";
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string Preview = "preview";
    public const string PostNow = "post-now";
    public const string Show = "show";
    public const string History = "history";

    public const string ChannelOption = "channel";
    public const string TimeOption = "time";
    public const string CronOption = "cron";
    public const string TimeZoneOption = "timezone";
    public const string RoleOption = "role";
    public const string ThreadOption = "thread";
    public const string CardsOption = "cards";

    private const int GuildContext = 0;

    public static JsonApplicationCommand Build() => new()
    {
        Type = JsonApplicationCommand.ChatInputType,
        Name = Name,
        Description = "Where and when the bot posts epigraphs and announcements in this server",
        // Moderators see it by default; the handler checks the member's permissions again, since servers can override this.
        DefaultMemberPermissions = DiscordPermissions.ManageGuild.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Contexts = [GuildContext],
        Options =
        [
            Subcommand(Epigraphs, "Choose the channel, and optionally the time, for the scheduled epigraph",
                Channel("The text or announcement channel for epigraphs"),
                Text(TimeOption, "Daily time, HH:mm (24-hour), e.g. 09:00", 5),
                Text(CronOption, "Or a cron expression, e.g. 0 9 * * 1-5 (weekdays 09:00)", 100),
                Text(TimeZoneOption, "IANA time zone, e.g. Europe/Berlin or America/New_York", 64),
                new JsonApplicationCommandOption { Type = JsonApplicationCommandOption.BooleanType, Name = CardsOption, Description = "Attach the quote as an image card (with the words as alt text)" }),
            Subcommand(Announcements, "Choose the channel, and optionally a role to ping, for new-essay announcements",
                Channel("The text or announcement channel for announcements"),
                new JsonApplicationCommandOption { Type = JsonApplicationCommandOption.RoleType, Name = RoleOption, Description = "A role to ping with each announcement" },
                new JsonApplicationCommandOption { Type = JsonApplicationCommandOption.BooleanType, Name = ThreadOption, Description = "Open a discussion thread under each announcement" }),
            Subcommand(Pause, "Stop the scheduled epigraphs until resumed"),
            Subcommand(Resume, "Start the scheduled epigraphs again"),
            Subcommand(Preview, "Show the next epigraph post exactly as it will appear, and when"),
            Subcommand(PostNow, "Post the next epigraph now"),
            Subcommand(Show, "Show this server's settings and recent delivery problems"),
            Subcommand(History, "Show the latest deliveries here, with their errors, and where each channel stands"),
        ],
    };

    private static JsonApplicationCommandOption Subcommand(string name, string description, params JsonApplicationCommandOption[] options) => new()
    {
        Type = JsonApplicationCommandOption.SubCommandType,
        Name = name,
        Description = description,
        Options = options.Length == 0 ? null : options,
    };

    private static JsonApplicationCommandOption Channel(string description) => new()
    {
        Type = JsonApplicationCommandOption.ChannelType,
        Name = ChannelOption,
        Description = description,
        Required = true,
        ChannelTypes = [ChannelTypes.Text, ChannelTypes.Announcement],
    };

    private static JsonApplicationCommandOption Text(string name, string description, int maxLength) => new()
    {
        Type = JsonApplicationCommandOption.StringType,
        Name = name,
        Description = description,
        MaxLength = maxLength,
    };
}
