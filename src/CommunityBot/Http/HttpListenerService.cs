using CommunityBot.Clients.Telemetry;
using CommunityBot.Discord;
using CommunityBot.Storage;
using CommunityBot.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CommunityBot.Http;

/// <summary>
/// Kestrel, started with the bot and stopped with it, serving /healthz, /readyz, /metrics and (with
/// <c>Discord:PublicKey</c>) /interactions. A web application of its own inside the bot's host: the endpoints take the
/// bot's services, and without <c>Http:Urls</c> none of this is registered, so nothing of ASP.NET Core runs.
/// </summary>
internal sealed partial class HttpListenerService(
    IServiceProvider bot,
    IOptions<HttpOptions> options,
    IOptions<DiscordBotOptions> discord,
    ILoggerFactory loggers,
    TimeProvider time,
    ILogger<HttpListenerService> logger) : IHostedService, IAsyncDisposable
{
    public const string MetricsPath = "/metrics";

    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        // The bot's logging, so Kestrel's lines go where the bot's go, in the same format.
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.UseUrls([.. options.Value.UrlList]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = HttpOptions.MaxRequestBodyBytes;
        });
        builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("communitybot")).WithMetrics(metrics => metrics
            .AddMeter(ClientMetrics.MeterName)
            .AddRuntimeInstrumentation()
            .AddHttpClientInstrumentation()
            // The exporter would answer scrapes within 300 ms of each other from a cache: a scrape is cheap here, and
            // two scrapers (or a scrape right after an incident) should see the same, current figures.
            .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0));

        var app = builder.Build();
        var health = new HealthEndpoints(bot.GetRequiredService<ReadinessProbe>());
        app.MapGet(HealthEndpoints.HealthPath, HealthEndpoints.HealthAsync);
        app.MapGet(HealthEndpoints.ReadyPath, health.ReadyAsync);
        if (bot.GetService<OutboxRepository>() is { } outbox)
        {
            app.Use((context, next) => context.Request.Path == MetricsPath ? RefreshOutboxAsync(outbox, context, next) : next(context));
        }
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        var interactions = discord.Value.HttpInteractions && bot.GetService<InteractionHandler>() is not null;
        if (interactions)
        {
            var endpoint = new DiscordInteractionEndpoint(bot.GetRequiredService<InteractionHandler>(), new InteractionSignature(discord.Value.PublicKey),
                bot.GetRequiredService<IHostApplicationLifetime>(), loggers.CreateLogger<DiscordInteractionEndpoint>());
            app.MapPost(DiscordInteractionEndpoint.Path, endpoint.HandleAsync);
        }
        await app.StartAsync(cancellationToken);
        _app = app;
        LogListening(app.Urls, interactions ? DiscordInteractionEndpoint.Path : "");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            await app.DisposeAsync();
        }
    }

    // The gauges read what this wrote, so each scrape shows the outbox as it is then, with no polling between scrapes.
    private async Task RefreshOutboxAsync(OutboxRepository outbox, HttpContext context, RequestDelegate next)
    {
        try
        {
            var (count, oldest) = await outbox.PendingAsync(context.RequestAborted);
            BotMetrics.Outbox(count, oldest is { } at ? time.GetUtcNow() - at : TimeSpan.Zero);
        }
        catch (System.Data.Common.DbException exception)
        {
            LogOutboxUnread(exception);
        }
        await next(context);
    }

    [LoggerMessage(EventId = 8000, Level = LogLevel.Information, Message = "Listening on {Urls}: /healthz, /readyz, /metrics {Interactions}")]
    private partial void LogListening(ICollection<string> urls, string interactions);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "The outbox could not be read for /metrics; its gauges show the last values read")]
    private partial void LogOutboxUnread(Exception exception);
}
