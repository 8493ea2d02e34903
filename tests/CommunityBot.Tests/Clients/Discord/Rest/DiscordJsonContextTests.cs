using System.Text.Json;
using CommunityBot.Clients.Discord;
using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Tests.Clients.Discord.Rest;

public sealed class DiscordJsonContextTests
{
    [Fact]
    public void Interaction_ChatInputExample_Deserializes()
    {
        var interaction = Read("interaction-chat-input.json");

        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal(786008729715212338UL, interaction.Id);
        Assert.Equal(775799577604522054UL, interaction.ApplicationId);
        Assert.Equal(290926798626357999UL, interaction.GuildId);
        Assert.Equal("A_UNIQUE_TOKEN", interaction.Token);
        Assert.Equal("2147483647", interaction.Member!.Permissions);
        Assert.Equal([539082325061836999UL], interaction.Member.Roles);
        Assert.Equal("Mason", interaction.Member.User!.Username);
        Assert.Equal("cardsearch", interaction.Data!.Name);
        var option = Assert.Single(interaction.Data.Options!);
        Assert.Equal("The Gitrog Monster", option.Value!.Value.GetString());
        Assert.Null(interaction.User);
    }

    [Fact]
    public void Interaction_AutocompleteWithSubcommand_KeepsNestedOptionsAndTheirValueKinds()
    {
        var interaction = Read("interaction-autocomplete.json");

        var subcommand = Assert.Single(interaction.Data!.Options!);
        Assert.Null(subcommand.Value);
        var options = subcommand.Options!;
        Assert.True(options[0].Focused);
        Assert.Equal("cam", options[0].Value!.Value.GetString());
        Assert.Equal(3, options[1].Value!.Value.GetInt32());
        Assert.True(options[2].Value!.Value.GetBoolean());
        Assert.Equal("general", interaction.Channel!.Name);
        Assert.Equal("fr", interaction.Locale);
    }

    [Fact]
    public void Interaction_ButtonInDm_HasUserAndComponentData()
    {
        var interaction = Read("interaction-button.json");

        Assert.Null(interaction.Member);
        Assert.Equal(53908232506183680UL, interaction.User!.Id);
        Assert.Equal("essays:page:2", interaction.Data!.CustomId);
        Assert.Equal(JsonComponent.ButtonType, interaction.Data.ComponentType);
        Assert.Equal(1234, interaction.Message!.Nonce!.Value.GetInt32());
        Assert.Equal("essays:page:2", interaction.Message.Components![0].Components![0].CustomId);
    }

    [Fact]
    public void AutocompleteResponse_SerializesChoicesWithTheirValueTypes()
    {
        var response = new JsonInteractionResponse
        {
            Type = InteractionCallbackType.ApplicationCommandAutocompleteResult,
            Data = new JsonInteractionCallbackData { Choices = [JsonApplicationCommandOptionChoice.Create("Albert Camus", "camus"), JsonApplicationCommandOptionChoice.Create("Half", 0.5)] },
        };

        var json = JsonSerializer.Serialize(response, DiscordJsonContext.Default.JsonInteractionResponse);

        Assert.Equal("""{"type":8,"data":{"choices":[{"name":"Albert Camus","value":"camus"},{"name":"Half","value":0.5}]}}""", json);
    }

    [Fact]
    public void Snowflake_AcceptsNumbersAndRejectsGarbage()
    {
        Assert.Equal(42UL, JsonSerializer.Deserialize("""{"id": 42, "username": "n"}""", DiscordJsonContext.Default.JsonUser)!.Id);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"id": "42abc", "username": "n"}""", DiscordJsonContext.Default.JsonUser));
    }

    private static JsonInteraction Read(string fixture) =>
        JsonSerializer.Deserialize(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord-rest", fixture)),
            DiscordJsonContext.Default.JsonInteraction)!;
}
