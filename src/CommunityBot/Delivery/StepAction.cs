namespace CommunityBot.Delivery;

/// <summary>What one outbox row of a post does when it is sent.</summary>
public enum StepAction
{
    /// <summary>Posts a message or status; following another step, it goes under that step's (a reply, or into its thread).</summary>
    Post,

    /// <summary>Opens a discussion thread on the message the step before it posted (Discord).</summary>
    OpenThread,
}
