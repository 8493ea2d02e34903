namespace CommunityBot.Configuration;

/// <summary>
/// A configuration section the bot binds to options, so that every one can be bound and validated before the host
/// starts, each problem reported as one line instead of the host's stack trace. <paramref name="KeyPrefix"/> goes in
/// front of each message whose validation names the option only (a client library's).
/// </summary>
public sealed record OptionsSection(string Name, Func<IServiceProvider, object> Resolve, string KeyPrefix = "");
