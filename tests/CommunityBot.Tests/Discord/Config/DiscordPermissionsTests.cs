using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Discord.Config;

namespace CommunityBot.Tests.Discord.Config;

public class DiscordPermissionsTests
{
    private const ulong Guild = 100;
    private const ulong Member = 200;
    private const ulong RoleA = 300;
    private const ulong RoleB = 301;
    private const ulong Post = DiscordPermissions.ToPost;

    private static readonly JsonRole[] _roles =
    [
        new() { Id = Guild, Name = "@everyone", Permissions = $"{DiscordPermissions.ViewChannel}" },
        new() { Id = RoleA, Name = "A", Permissions = $"{DiscordPermissions.SendMessages}" },
        new() { Id = RoleB, Name = "B", Permissions = $"{DiscordPermissions.EmbedLinks}" },
        new() { Id = 999, Name = "not the member's", Permissions = $"{DiscordPermissions.Administrator}" },
    ];

    [Fact]
    public void Base_ORsEveryoneAndTheMembersRolesOnly()
    {
        Assert.Equal(DiscordPermissions.ViewChannel | DiscordPermissions.SendMessages, DiscordPermissions.Base(Guild, false, _roles, [RoleA]));
        Assert.Equal(Post, DiscordPermissions.Base(Guild, false, _roles, [RoleA, RoleB]));
    }

    [Fact]
    public void Base_AdministratorOrOwner_GrantsEverything()
    {
        Assert.Equal(DiscordPermissions.All, DiscordPermissions.Base(Guild, false, _roles, [999]));
        Assert.Equal(DiscordPermissions.All, DiscordPermissions.Base(Guild, true, _roles, []));
    }

    [Fact]
    public void InChannel_EveryoneDeny_RemovesARolesPermission()
    {
        var overwrites = new[] { Overwrite(Guild, 0, allow: 0, deny: DiscordPermissions.SendMessages) };

        var permissions = DiscordPermissions.InChannel(Post, Guild, Member, [RoleA], overwrites);

        Assert.Equal(["Send Messages"], DiscordPermissions.Missing(permissions, Post));
    }

    [Fact]
    public void InChannel_RoleAllowBeatsAnotherRolesDeny_AndMemberOverwriteComesLast()
    {
        var overwrites = new[]
        {
            Overwrite(Guild, 0, allow: 0, deny: Post),
            Overwrite(RoleA, 0, allow: DiscordPermissions.SendMessages | DiscordPermissions.ViewChannel, deny: 0),
            Overwrite(RoleB, 0, allow: 0, deny: DiscordPermissions.SendMessages),
            Overwrite(Member, 1, allow: DiscordPermissions.EmbedLinks, deny: DiscordPermissions.ViewChannel),
        };

        var permissions = DiscordPermissions.InChannel(Post, Guild, Member, [RoleA, RoleB], overwrites);

        Assert.Equal(DiscordPermissions.SendMessages | DiscordPermissions.EmbedLinks, permissions);
    }

    [Fact]
    public void InChannel_OverwritesOfOtherRolesAndMembers_DoNotApply()
    {
        var overwrites = new[] { Overwrite(RoleB, 0, 0, Post), Overwrite(Member + 1, 1, 0, Post), Overwrite(RoleA, 1, 0, Post) };

        Assert.Equal(Post, DiscordPermissions.InChannel(Post, Guild, Member, [RoleA], overwrites));
    }

    [Fact]
    public void InChannel_Administrator_IgnoresOverwrites()
    {
        var overwrites = new[] { Overwrite(Guild, 0, 0, Post) };

        Assert.Equal(DiscordPermissions.All, DiscordPermissions.InChannel(DiscordPermissions.Administrator, Guild, Member, [], overwrites));
    }

    [Fact]
    public void Missing_NamesEachMissingPermission()
    {
        Assert.Equal(["View Channel", "Embed Links"], DiscordPermissions.Missing(DiscordPermissions.SendMessages, Post));
        Assert.Empty(DiscordPermissions.Missing(Post, Post));
    }

    [Theory]
    [InlineData("32", true)]
    [InlineData("8", true)]
    [InlineData("2147483647", true)]
    [InlineData("2048", false)]
    [InlineData("not a number", false)]
    [InlineData(null, false)]
    public void CanManageGuild_NeedsManageServerOrAdministrator(string? bits, bool expected) =>
        Assert.Equal(expected, DiscordPermissions.CanManageGuild(DiscordPermissions.Parse(bits)));

    private static JsonPermissionOverwrite Overwrite(ulong id, int type, ulong allow, ulong deny) =>
        new() { Id = id, Type = type, Allow = $"{allow}", Deny = $"{deny}" };
}
