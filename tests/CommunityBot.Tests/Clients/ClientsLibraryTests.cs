using System.Xml.Linq;
using CommunityBot.Clients.Discord.Rest;

namespace CommunityBot.Tests.Clients;

/// <summary>CommunityBot.Clients as a library of its own: documented, and knowing nothing of the bot.</summary>
public sealed class ClientsLibraryTests
{
    private static readonly System.Reflection.Assembly _library = typeof(DiscordRestClient).Assembly;

    [Fact]
    public void EveryPublicType_HasASummary()
    {
        var documentation = XDocument.Load(Path.ChangeExtension(_library.Location, ".xml"));
        var documented = documentation.Descendants("member")
            .Where(member => member.Element("summary") is { } summary && !string.IsNullOrWhiteSpace(summary.Value))
            .Select(member => (string)member.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var undocumented = _library.GetExportedTypes()
            .Select(type => "T:" + type.FullName!.Replace('+', '.'))
            .Where(name => !documented.Contains(name))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void NoPublicType_NamesTheBotsConfiguration()
    {
        var sectionConstants = _library.GetExportedTypes()
            .SelectMany(type => type.GetFields())
            .Where(field => field.IsLiteral && field.GetRawConstantValue() is "Discord" or "Mastodon")
            .Select(field => $"{field.DeclaringType!.Name}.{field.Name}");

        Assert.Empty(sectionConstants);
    }
}
