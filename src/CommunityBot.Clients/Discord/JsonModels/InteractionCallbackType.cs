namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>How an interaction is answered (Discord's interaction callback <c>type</c>).</summary>
public enum InteractionCallbackType
{
    /// <summary>Acknowledges a <see cref="InteractionType.Ping"/>.</summary>
    Pong = 1,

    /// <summary>Answers with a message.</summary>
    ChannelMessageWithSource = 4,

    /// <summary>Acknowledges now and answers later by editing the original response; the user sees "thinking…".</summary>
    DeferredChannelMessageWithSource = 5,

    /// <summary>For components: acknowledges now and edits the message later.</summary>
    DeferredUpdateMessage = 6,

    /// <summary>For components: edits the message the component is on.</summary>
    UpdateMessage = 7,

    /// <summary>Offers autocomplete choices.</summary>
    ApplicationCommandAutocompleteResult = 8,

    /// <summary>Opens a modal.</summary>
    Modal = 9,
}
