namespace CommunityBot.Telemetry;

/// <summary>How an interaction ended, as the <c>outcome</c> tag of <c>communitybot.interactions</c>.</summary>
public enum InteractionOutcome
{
    /// <summary>Answered in the first callback, within a second.</summary>
    Answered,

    /// <summary>Deferred after a second, then answered by editing @original.</summary>
    Deferred,

    /// <summary>The work or the reply failed; the user was told so where Discord allows it.</summary>
    Failed,
}
