using System.Collections;
using System.Reflection;
using CommunityBot.Announcements;
using CommunityBot.Cards;
using CommunityBot.Clients.Discord;
using CommunityBot.Clients.Discord.Gateway;
using CommunityBot.Cluster;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Discord;
using CommunityBot.Http;
using CommunityBot.Mastodon;
using CommunityBot.Scheduling;
using CommunityBot.Storage;

namespace CommunityBot.Tests.Docs;

/// <summary>Every configuration key the program binds, in configuration syntax, read from the options classes.</summary>
public static class ConfigurationKeys
{
    /// <summary>Where each options class is bound; N stands for a position in a list.</summary>
    private static readonly (string Section, Type Options)[] _sections =
    [
        (ContentOptions.Section, typeof(ContentOptions)),
        (ScheduleOptions.Section, typeof(ScheduleOptions)),
        (DiscordBotOptions.Section, typeof(DiscordBotOptions)),
        (DiscordBotOptions.Section, typeof(DiscordRestOptions)),
        // The gateway reads the Discord section too, for its own keys.
        (DiscordBotOptions.Section, typeof(DiscordGatewayOptions)),
        (MastodonOptions.Section, typeof(MastodonOptions)),
        ($"{AnnouncementOptions.FeedsSection}:N", typeof(FeedOptions)),
        (DeliveryOptions.Section, typeof(DeliveryOptions)),
        (StorageOptions.Section, typeof(StorageOptions)),
        (ClusterOptions.Section, typeof(ClusterOptions)),
        (CardOptions.Section, typeof(CardOptions)),
        (HttpOptions.Section, typeof(HttpOptions)),
    ];

    /// <summary>The sections' names as keys start with them: Content, Feeds, …</summary>
    public static IReadOnlySet<string> Sections { get; } = _sections.Select(s => s.Section.Split(':')[0]).ToHashSet(StringComparer.Ordinal);

    /// <summary>Public settable properties only: what the configuration binder can fill.</summary>
    public static IReadOnlySet<string> All { get; } = _sections.SelectMany(s => KeysOf(s.Section, s.Options)).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> KeysOf(string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var element = ElementType(propertyType);
            if (IsValue(propertyType) || (element is not null && IsValue(element)))
            {
                yield return key;
            }
            else
            {
                foreach (var nested in KeysOf(element is null ? key : $"{key}:N", element ?? propertyType))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsValue(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(Uri);
    }

    private static Type? ElementType(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type)
            ? null
            : type.IsArray ? type.GetElementType() : type.GetInterfaces().Append(type)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
