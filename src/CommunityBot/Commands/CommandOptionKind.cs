namespace CommunityBot.Commands;

/// <summary>What an option holds; essay and author options get autocomplete where the transport has it.</summary>
public enum CommandOptionKind
{
    Text,
    Essay,
    Author,
    Page,
}
