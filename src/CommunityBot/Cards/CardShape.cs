namespace CommunityBot.Cards;

/// <summary>The size of a card: both read well on a phone and are shown uncropped by Mastodon and Discord.</summary>
public enum CardShape
{
    /// <summary>1200×675 (16:9), the shape link previews and timelines show whole.</summary>
    Landscape,

    /// <summary>1080×1080.</summary>
    Square,
}
