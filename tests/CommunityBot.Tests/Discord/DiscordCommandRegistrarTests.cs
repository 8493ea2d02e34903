using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityBot.Clients.Discord;
using CommunityBot.Commands;
using CommunityBot.Discord;
using CommunityBot.Tests.Clients.Discord.Rest;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.Discord;

public sealed class DiscordCommandRegistrarTests
{
    private const string GlobalPath = "/api/v10/applications/775799577604522054/commands";
    private static readonly string[] DiscordCommands = ["quote", "epigraph", "essay", "essays", "references", "resources", "search", "about", "config"];

    [Fact]
    public async Task FirstStart_PutsEveryCommandButHelp_ShapedFromTheCatalog()
    {
        await using var rest = await StartAsync("[]");

        Assert.True(await Registrar(rest).RegisterAsync(CancellationToken.None).WaitAsync(FakeDiscord.Timeout));

        Assert.Equal(["GET " + GlobalPath, "PUT " + GlobalPath], rest.Server.Requests.Select(r => $"{r.Method} {r.Path}"));
        var put = Interactions.Body(rest.Server.Requests[1]);
        Assert.Equal(DiscordCommands, put.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        // /config is not a catalog command; ConfigCommandTests checks its shape.
        foreach (var command in put.EnumerateArray().Where(c => c.GetProperty("name").GetString() != "config"))
        {
            var definition = CommandCatalog.Find(command.GetProperty("name").GetString()!)!;
            Assert.Equal(definition.Description, command.GetProperty("description").GetString());
            var options = command.TryGetProperty("options", out var list) ? list.EnumerateArray().ToList() : [];
            Assert.Equal(definition.Options.Select(o => o.Name).Order(), options.Select(o => o.GetProperty("name").GetString()).Order());
            var required = options.Select(o => o.TryGetProperty("required", out var r) && r.GetBoolean()).ToList();
            Assert.Equal(required.OrderByDescending(r => r), required);
            foreach (var option in options)
            {
                var kind = definition.FindOption(option.GetProperty("name").GetString()!)!.Kind;
                var autocomplete = option.TryGetProperty("autocomplete", out var a) && a.GetBoolean();
                Assert.Equal(kind is CommandOptionKind.Essay or CommandOptionKind.Author, autocomplete);
            }
        }
        Assert.Contains(put.EnumerateArray(), c => c.GetProperty("name").GetString() == "essay"
            && c.GetProperty("options")[0].GetProperty("required").GetBoolean());
    }

    [Fact]
    public async Task SameSetAlreadyRegistered_IsNotPutAgain()
    {
        await using var rest = await StartAsync(AsDiscordReturnsThem(DiscordCommandSet.Build()));

        Assert.False(await Registrar(rest).RegisterAsync(CancellationToken.None).WaitAsync(FakeDiscord.Timeout));

        Assert.Equal(["GET " + GlobalPath], rest.Server.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task ChangedDescription_IsPut()
    {
        var registered = DiscordCommandSet.Build().Select(c => c.Name == "about" ? c with { Description = "An older description" } : c).ToList();
        await using var rest = await StartAsync(AsDiscordReturnsThem(registered));

        Assert.True(await Registrar(rest).RegisterAsync(CancellationToken.None).WaitAsync(FakeDiscord.Timeout));

        Assert.Equal("PUT", rest.Server.Requests[^1].Method);
    }

    [Fact]
    public async Task GuildConfigured_UsesTheGuildRoutes()
    {
        await using var rest = await StartAsync("[]");

        await Registrar(rest, guild: 290926798626357999).RegisterAsync(CancellationToken.None).WaitAsync(FakeDiscord.Timeout);

        const string guildPath = "/api/v10/applications/775799577604522054/guilds/290926798626357999/commands";
        Assert.Equal(["GET " + guildPath, "PUT " + guildPath], rest.Server.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    private static async Task<DiscordRestHarness> StartAsync(string registered)
    {
        var rest = await DiscordRestHarness.StartAsync();
        rest.Server.Default = request => FakeDiscordRestResponse.Json(request.Method == "PUT" ? request.Body : registered);
        return rest;
    }

    private static DiscordCommandRegistrar Registrar(DiscordRestHarness rest, ulong? guild = null) =>
        new(rest.Client, Options.Create(new DiscordBotOptions { Token = "test-token", ApplicationId = 775799577604522054, CommandGuildId = guild }),
            NullLogger<DiscordCommandRegistrar>.Instance);

    // Discord answers with the fields it adds: ids, version, permissions.
    private static string AsDiscordReturnsThem(IReadOnlyList<CommunityBot.Clients.Discord.JsonModels.JsonApplicationCommand> commands)
    {
        var array = JsonNode.Parse(JsonSerializer.Serialize(commands, DiscordJsonContext.Default.IReadOnlyListJsonApplicationCommand))!.AsArray();
        var id = 1049420301416882176UL;
        foreach (var command in array)
        {
            command!["id"] = (id++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            command["application_id"] = "775799577604522054";
            command["version"] = "1049420301416882177";
            command["default_member_permissions"] ??= null;
        }
        return array.ToJsonString();
    }
}
