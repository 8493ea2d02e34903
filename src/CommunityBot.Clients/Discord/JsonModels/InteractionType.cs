namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>What an interaction is (Discord's interaction <c>type</c>).</summary>
public enum InteractionType
{
    /// <summary>Discord checks that an HTTP interactions endpoint answers.</summary>
    Ping = 1,

    /// <summary>A slash command.</summary>
    ApplicationCommand = 2,

    /// <summary>A button or select menu on a message.</summary>
    MessageComponent = 3,

    /// <summary>A user is typing into an option that has autocomplete.</summary>
    ApplicationCommandAutocomplete = 4,

    /// <summary>A modal was submitted.</summary>
    ModalSubmit = 5,
}
