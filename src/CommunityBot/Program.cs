using System.Globalization;
using CommunityBot.Announcements;
using CommunityBot.Cards;
using CommunityBot.Cluster;
using CommunityBot.Commands;
using CommunityBot.Configuration;
using CommunityBot.Console;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Discord;
using CommunityBot.Hosting;
using CommunityBot.Http;
using CommunityBot.History;
using CommunityBot.Mastodon;
using CommunityBot.Scheduling;
using CommunityBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;

var oneShot = CommandLine.IsOneShot(args);
// `announce <slug>` is one-shot but needs what the bot posts with: storage, the targets and their channels.
var announceVerb = AnnounceCommand.IsAnnounce(args);
// `history` reads what the bot delivered: storage and the targets, nothing started.
var historyVerb = HistoryCommand.IsHistory(args);
var withBot = !oneShot || announceVerb || historyVerb;
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = oneShot ? [.. CommandLine.ConfigurationArguments(args)] : args,
    // appsettings.json is copied beside the program, so it is found wherever the program is started from.
    ContentRootPath = AppContext.BaseDirectory,
});

builder.Services.TryAddSingleton(TimeProvider.System);
if (withBot)
{
    // Migrations run in the host's StartingAsync, before any service starts (Storage/DatabaseMigrator).
    builder.Services.AddStorage();
    builder.Services.AddCluster();
    builder.Services.AddDelivery();
    builder.Services.AddHistory();
}
builder.Services.AddContent();
builder.Services.AddCommands();

var discord = !string.IsNullOrWhiteSpace(builder.Configuration["Discord:Token"]);
var mastodon = builder.Configuration.GetSection("Mastodon:Accounts").GetChildren().Any();
var localMode = !discord && !mastodon;
if (oneShot)
{
    // A one-shot verb's plain lines are its whole answer: a content warning would only say one of them twice.
    builder.Logging.KeepOutOfAnswers(builder.Configuration, LogLevel.Error);
}
else if (localMode)
{
    builder.Logging.KeepOutOfAnswers(builder.Configuration, LogLevel.Warning);
}
if (withBot && discord)
{
    // Before scheduling: hosted services start in order, and the gateway session need not wait for Quartz's start.
    builder.Services.AddDiscord();
    builder.Services.AddEpigraphTargets<GuildEpigraphTargetSource>();
    builder.Services.AddAnnouncementTargets<GuildAnnouncementTargetSource>();
}
if (withBot)
{
    builder.Services.AddScheduling(builder.Configuration);
    builder.Services.AddCards();
    if (mastodon)
    {
        builder.Services.AddMastodon();
    }
    if (localMode)
    {
        builder.Services.AddLocalMode();
        builder.Services.AddEpigraphTargets<ConsoleEpigraphTargetSource>();
        builder.Services.AddAnnouncementTargets<ConsoleAnnouncementTargetSource>();
    }
    // After the modes: their start-up checks (a Mastodon instance's status budget) are done before the first announcement.
    builder.Services.AddAnnouncements();
}
if (!oneShot)
{
    builder.Services.AddSystemdIntegration();
    if (!string.IsNullOrWhiteSpace(builder.Configuration[HttpOptions.UrlsKey]))
    {
        builder.Services.AddHttpListener();
    }
}

using var host = builder.Build();
// Every section bound and checked before anything starts, so that a bad value is one line, not the host's stack trace.
if (ConfigurationCheck.Problems(host.Services) is { Count: > 0 } problems)
{
    foreach (var problem in problems)
    {
        await System.Console.Error.WriteLineAsync("Configuration error: " + problem);
    }
    return CommandLine.Usage;
}
if (announceVerb)
{
    return await AnnounceCommand.RunAsync(args, host.Services, System.Console.Out);
}
if (historyVerb)
{
    return await HistoryCommand.RunAsync(args, host.Services, System.Console.Out);
}
if (oneShot)
{
    return CommandLine.Run(args, host.Services.GetRequiredService<ContentStore>(), host.Services.GetRequiredService<CommandCore>(), System.Console.Out);
}
// Before the host starts, because the migrator and Quartz write to the database as they start: a second bot would
// replace the running one's triggers with its own schedule. One-shot verbs, announce included, may run beside it.
try
{
    using var databaseLock = DatabaseLock.Acquire(host.Services.GetRequiredService<BotDatabase>());
    await host.RunAsync();
    return CommandLine.Success;
}
catch (DatabaseInUseException exception)
{
    await System.Console.Error.WriteLineAsync(exception.Message);
    return CommandLine.Usage;
}
