namespace CommunityBot.History;

public enum TargetActivity
{
    Active,

    /// <summary>A moderator paused it (<c>/config pause</c>).</summary>
    Paused,

    /// <summary>Delivery stopped itself after failures in a row (<c>Delivery:PauseAfterFailures</c>).</summary>
    Stopped,
}
