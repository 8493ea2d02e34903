using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Cards;

/// <summary>
/// The cards of this process: whether they are on, the face they are set in, and which posts carry one. The face is
/// looked for once, at start; with none usable, cards are off (one warning) and every post goes out as text.
/// </summary>
public sealed partial class CardStudio(
    IOptions<CardOptions> options,
    IOptions<ContentOptions> content,
    IEnumerable<ICardPreference> preferences,
    ILogger<CardStudio> logger) : IHostedService, IDisposable
{
    private readonly ICardPreference[] _preferences = [.. preferences];
    private readonly Lock _lock = new();
    private bool _loaded;
    private CardRenderer? _renderer;

    /// <summary>Where a face is looked for when Cards:FontFile is empty; tests point it elsewhere.</summary>
    public IReadOnlyList<string> SystemFontRoots { get; init; } = CardFonts.SystemRoots;

    /// <summary>The renderer, or null when cards are off or no face could be loaded.</summary>
    public CardRenderer? Renderer
    {
        get
        {
            lock (_lock)
            {
                if (!_loaded)
                {
                    _renderer = Load();
                    _loaded = true;
                }
                return _renderer;
            }
        }
    }

    /// <summary>
    /// The epigraph's steps with its card attached to the first when cards are on and the target asked for them (a
    /// long quote's thread carries the card on its first part, the later parts are text); otherwise the steps as they were.
    /// </summary>
    public async Task<IReadOnlyList<OutboxStep>> AttachAsync(string target, QuoteEntry epigraph, IReadOnlyList<OutboxStep> steps, CancellationToken cancellationToken)
    {
        if (steps.Count == 0 || Renderer is null || !TargetKey.TryParse(target, out var key)
            || _preferences.FirstOrDefault(p => p.Kind == key.Kind) is not { } preference
            || !await preference.WantsCardAsync(key, cancellationToken))
        {
            return steps;
        }
        var card = QuoteCard.For(epigraph, content.Value.Publication, options.Value.Theme, options.Value.Shape);
        return [steps[0] with { Payload = new CardPost(card, steps[0].Payload).Write() }, .. steps.Skip(1)];
    }

    /// <summary>
    /// The PNG of <paramref name="post"/>'s card, or null when cards are off now (the row was written while they were
    /// on): the row then goes out as text, with a warning.
    /// </summary>
    public byte[]? Render(CardPost post, OutboxEntry entry)
    {
        if (Renderer is { } renderer)
        {
            return renderer.Render(post.Card);
        }
        LogCardDropped(entry.Target, entry.Id);
        return null;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Renderer;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _renderer?.Dispose();

    private CardRenderer? Load()
    {
        if (!options.Value.Enabled)
        {
            return null;
        }
        var configured = options.Value.FontFile;
        var file = string.IsNullOrWhiteSpace(configured) ? CardFonts.FindSerif(SystemFontRoots) : configured;
        if (file is null)
        {
            LogNoFont(string.Join(", ", CardFonts.Preferred), string.Join(", ", SystemFontRoots));
            return null;
        }
        if (CardRenderer.FromFile(file) is not { } renderer)
        {
            LogUnusableFont(file);
            return null;
        }
        LogReady(file, options.Value.Theme, options.Value.Shape);
        return renderer;
    }

    [LoggerMessage(EventId = 9000, Level = LogLevel.Information, Message = "Quote cards are on, set in {FontFile} ({Theme}, {Shape})")]
    private partial void LogReady(string fontFile, CardTheme theme, CardShape shape);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Quote cards are off: no serif face found (looked for {Faces} under {Roots}); posts go out as text. Install fonts-dejavu-core or set Cards:FontFile")]
    private partial void LogNoFont(string faces, string roots);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Outbox row {Id} for {Target} has a card but cards are off now; it goes out as text")]
    private partial void LogCardDropped(string target, long id);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Quote cards are off: {FontFile} holds no usable face; posts go out as text. Set Cards:FontFile to a TTF or OTF file with Latin letters")]
    private partial void LogUnusableFont(string fontFile);
}
