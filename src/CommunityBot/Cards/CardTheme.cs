namespace CommunityBot.Cards;

/// <summary>The colours of a card: dark text on paper, or light text on ink.</summary>
public enum CardTheme
{
    Light,
    Dark,
}
