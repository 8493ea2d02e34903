using System.Globalization;
using System.Text.RegularExpressions;
using Markdig;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CommunityBot.Content;

/// <summary>
/// Reads one essay file: YAML front matter between two <c>---</c> lines, then a Markdown body.
/// It walks the YAML node tree by hand rather than deserializing, so that it can report every
/// problem of a file at once, each with the line of the node it concerns.
/// </summary>
public static partial class EssayFileParser
{
    private static readonly string[] _fields =
        ["title", "slug", "published", "authors", "illustrators", "url", "epigraph", "quotes", "references", "further_resources", "tags"];
    private static readonly string[] _quoteFields = ["text", "author", "source"];
    private static readonly string[] _referenceFields = ["title", "who", "where", "when", "note", "url"];
    private static readonly MarkdownPipeline _markdown = new MarkdownPipelineBuilder().Build();

    public static EssayParseResult Parse(string path, string content)
    {
        var errors = new List<ContentError>();
        var reader = new Reader(path, errors);
        var essay = reader.Read(content);
        return new EssayParseResult(path, errors.Count == 0 ? essay : null, errors, reader.SlugLine);
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    private sealed class Reader(string path, List<ContentError> errors)
    {
        // Front matter starts on the file's second line, after the opening '---'.
        private const int LineOffset = 1;

        public int SlugLine { get; private set; }

        public Essay? Read(string content)
        {
            content = content.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
            if (!content.StartsWith("---\n", StringComparison.Ordinal))
            {
                Error(1, "front matter", "the file must start with a line '---' that opens the YAML front matter");
                return null;
            }
            var close = content.IndexOf("\n---", 3, StringComparison.Ordinal);
            while (close >= 0 && !IsLineEnd(content, close + 4))
            {
                close = content.IndexOf("\n---", close + 4, StringComparison.Ordinal);
            }
            if (close < 0)
            {
                Error(1, "front matter", "no closing '---' line after the YAML front matter");
                return null;
            }
            var yaml = content[4..(close + 1)];
            var bodyStart = content.IndexOf('\n', close + 1);
            var rawBody = bodyStart < 0 ? "" : content[(bodyStart + 1)..];
            if (FrontMatterScan.Check(yaml) is { } yamlProblem)
            {
                Error(yamlProblem.Line + LineOffset, "front matter", yamlProblem.Message);
                return null;
            }
            if (MarkdownScan.Check(rawBody) is { } bodyProblem)
            {
                Error(bodyProblem.Line + LineNumberAt(content, bodyStart), "body", bodyProblem.Message);
                return null;
            }
            var body = rawBody.Trim();

            YamlMappingNode root;
            var scanner = new Scanner(new StringReader(yaml));
            try
            {
                var stream = new YamlStream();
                stream.Load(new Parser(scanner));
                if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
                {
                    Error(2, "front matter", "the front matter must be a YAML mapping of fields (title: …)");
                    return null;
                }
                root = mapping;
            }
            catch (YamlException exception) when (FrontMatterScan.UnclosedBracket(yaml) is { } unclosed)
            {
                Error(unclosed.Line + LineOffset, "front matter", $"broken YAML: the '{unclosed.Bracket}' opened on this line is not closed ({FirstSentence(exception)})");
                return null;
            }
            catch (YamlException exception)
            {
                Error((int)exception.Start.Line + LineOffset, "front matter", $"broken YAML: {FirstSentence(exception)}");
                return null;
            }
            catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
            {
                // YamlDotNet throws these instead of a YamlException for some unclosed brackets and stray events
                // (found by the fuzz tests in HostileInput).
                if (FrontMatterScan.UnclosedBracket(yaml) is { } unclosed)
                {
                    Error(unclosed.Line + LineOffset, "front matter", $"broken YAML: the '{unclosed.Bracket}' opened on this line is not closed");
                }
                else
                {
                    Error((int)scanner.CurrentPosition.Line + LineOffset, "front matter", "broken YAML: an unclosed bracket or quote");
                }
                return null;
            }

            return ReadEssay(root, body);
        }

        private Essay? ReadEssay(YamlMappingNode root, string body)
        {
            CheckFields(root, _fields, "");
            var title = RequiredText(root, "title", "title");
            var slug = OptionalText(root, "slug", "slug") ?? Path.GetFileNameWithoutExtension(path);
            SlugLine = root.Children.ContainsKey(new YamlScalarNode("slug")) ? LineOf(root, "slug") : 0;
            if (!SlugPattern().IsMatch(slug))
            {
                Error(LineOf(root, "slug"), "slug", $"'{slug}' is not a slug: use lower-case letters, digits and single hyphens");
            }
            var published = ReadDate(root);
            var url = ReadUrl(root, "url", "url");
            var bodyText = PlainText(body);
            var epigraph = root.Children.TryGetValue(new YamlScalarNode("epigraph"), out var epigraphNode)
                ? ReadQuote(epigraphNode, "epigraph")
                : null;
            var quotes = ReadList(root, "quotes", ReadQuote);
            CheckQuotesInBody(root, quotes, bodyText);

            if (title is null)
            {
                return null;
            }
            return new Essay(
                slug,
                title,
                published,
                ReadStrings(root, "authors"),
                ReadStrings(root, "illustrators"),
                url,
                epigraph,
                quotes,
                ReadList(root, "references", ReadReference),
                ReadList(root, "further_resources", ReadReference),
                ReadStrings(root, "tags"),
                body,
                bodyText,
                path);
        }

        private string PlainText(string body)
        {
            try
            {
                return Markdown.ToPlainText(body, _markdown).Trim();
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
            {
                // MarkdownScan finds the nesting Markdig refuses; this keeps whatever it misses to this one file.
                Error(0, "body", $"Markdig cannot read it: {exception.Message}");
                return "";
            }
        }

        private void CheckQuotesInBody(YamlMappingNode root, List<Quote> quotes, string bodyText)
        {
            if (quotes.Count == 0)
            {
                return;
            }
            var haystack = TextFolding.ForQuoteComparison(bodyText);
            var sequence = root.Children.TryGetValue(new YamlScalarNode("quotes"), out var node) ? node as YamlSequenceNode : null;
            for (var i = 0; i < quotes.Count; i++)
            {
                if (!AppearsIn(quotes[i].Text, haystack))
                {
                    var line = sequence is not null && i < sequence.Children.Count ? Line(sequence.Children[i]) : LineOf(root, "quotes");
                    var reason = bodyText.Length == 0 ? "the essay has no body to quote from" : "this text is not in the body";
                    Error(line, $"quotes[{i}].text", $"{reason}: \"{Shorten(quotes[i].Text)}\"");
                }
            }
        }

        /// <summary>An ellipsis in a quote stands for words left out: each part must appear, in order.</summary>
        private static bool AppearsIn(string quote, string haystack)
        {
            var position = 0;
            var parts = quote.Replace("...", "…", StringComparison.Ordinal).Split('…');
            foreach (var part in parts)
            {
                var needle = TextFolding.ForQuoteComparison(part).Trim(' ', ',', ';');
                if (needle.Length == 0)
                {
                    continue;
                }
                var found = haystack.IndexOf(needle, position, StringComparison.Ordinal);
                if (found < 0)
                {
                    return false;
                }
                position = found + needle.Length;
            }
            return true;
        }

        private DateOnly? ReadDate(YamlMappingNode root)
        {
            var text = OptionalText(root, "published", "published");
            if (text is null)
            {
                return null;
            }
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
            Error(LineOf(root, "published"), "published", $"unparseable date '{text}': write it as YYYY-MM-DD, e.g. 2022-04-01");
            return null;
        }

        private Uri? ReadUrl(YamlMappingNode mapping, string key, string field)
        {
            var text = OptionalText(mapping, key, field);
            if (text is null)
            {
                return null;
            }
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                return uri;
            }
            Error(LineOf(mapping, key), field, $"'{text}' is not an absolute http(s) address");
            return null;
        }

        private Quote? ReadQuote(YamlNode node, string field)
        {
            if (node is not YamlMappingNode mapping)
            {
                Error(Line(node), field, "expected a mapping with text and author");
                return null;
            }
            CheckFields(mapping, _quoteFields, field + ".");
            var text = RequiredText(mapping, "text", field + ".text");
            var author = RequiredText(mapping, "author", field + ".author");
            var source = OptionalText(mapping, "source", field + ".source");
            return text is null || author is null ? null : new Quote(text, author, source);
        }

        private Reference? ReadReference(YamlNode node, string field)
        {
            if (node is not YamlMappingNode mapping)
            {
                Error(Line(node), field, "expected a mapping with at least a title");
                return null;
            }
            CheckFields(mapping, _referenceFields, field + ".");
            var title = RequiredText(mapping, "title", field + ".title");
            var reference = new Reference(
                title ?? "",
                OptionalText(mapping, "who", field + ".who"),
                OptionalText(mapping, "where", field + ".where"),
                OptionalText(mapping, "when", field + ".when"),
                OptionalText(mapping, "note", field + ".note"),
                ReadUrl(mapping, "url", field + ".url"));
            return title is null ? null : reference;
        }

        private List<T> ReadList<T>(YamlMappingNode root, string key, Func<YamlNode, string, T?> readItem)
            where T : class
        {
            var items = new List<T>();
            if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node) || IsNull(node))
            {
                return items;
            }
            if (node is not YamlSequenceNode sequence)
            {
                Error(Line(node), key, "expected a list (items starting with '- ')");
                return items;
            }
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                if (readItem(sequence.Children[i], $"{key}[{i}]") is { } item)
                {
                    items.Add(item);
                }
            }
            return items;
        }

        private List<string> ReadStrings(YamlMappingNode root, string key)
        {
            if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node) || IsNull(node))
            {
                return [];
            }
            if (node is YamlScalarNode scalar)
            {
                return string.IsNullOrWhiteSpace(scalar.Value) ? [] : [scalar.Value.Trim()];
            }
            if (node is not YamlSequenceNode sequence)
            {
                Error(Line(node), key, "expected a list of names, e.g. [Veronica Yates]");
                return [];
            }
            var values = new List<string>();
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                if (sequence.Children[i] is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
                {
                    values.Add(value.Trim());
                }
                else
                {
                    Error(Line(sequence.Children[i]), $"{key}[{i}]", "expected a non-empty text");
                }
            }
            return values;
        }

        private string? RequiredText(YamlMappingNode mapping, string key, string field)
        {
            if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out _))
            {
                Error(Line(mapping), field, $"missing: every {Owner(field)} needs {WithArticle(key)}");
                return null;
            }
            var value = OptionalText(mapping, key, field);
            if (value is null)
            {
                Error(LineOf(mapping, key), field, "empty: give it a value");
            }
            return value;
        }

        private string? OptionalText(YamlMappingNode mapping, string key, string field)
        {
            if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) || IsNull(node))
            {
                return null;
            }
            if (node is not YamlScalarNode scalar)
            {
                Error(Line(node), field, "expected a single text value, not a list or mapping");
                return null;
            }
            return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
        }

        private void CheckFields(YamlMappingNode mapping, string[] known, string prefix)
        {
            foreach (var key in mapping.Children.Keys)
            {
                if (key is not YamlScalarNode { Value: { Length: > 0 } name })
                {
                    // A complex key ('? …') or an empty one has no name to report, so the error names its owner.
                    Error(Line(key), prefix.Length > 0 ? prefix.TrimEnd('.') : "front matter", "a field name must be a plain word before a colon, e.g. 'title:'");
                    continue;
                }
                if (!known.Contains(name, StringComparer.Ordinal))
                {
                    Error(Line(key), prefix + name, $"unknown field '{name}'; known fields are: {string.Join(", ", known)}");
                }
            }
        }

        private static string WithArticle(string noun) => ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;

        private static string Owner(string field) => field.Contains('.', StringComparison.Ordinal) ? field[..field.LastIndexOf('.')] : "essay";

        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

        /// <summary>The 1-based line of <paramref name="index"/>'s line end, so that a body's line 1 follows it.</summary>
        private static int LineNumberAt(string content, int index) => index < 0 ? 0 : content.AsSpan(0, index + 1).Count('\n');

        private static bool IsLineEnd(string content, int index) => index >= content.Length || content[index] == '\n';

        private static int Line(YamlNode node) => (int)node.Start.Line + LineOffset;

        private static int LineOf(YamlMappingNode mapping, string key) =>
            mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? Line(node) : Line(mapping);

        private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

        private static string FirstSentence(YamlException exception)
        {
            var message = (exception.InnerException ?? exception).Message;
            var detail = message.IndexOf("): ", StringComparison.Ordinal);
            return detail >= 0 ? message[(detail + 3)..] : message;
        }

        private void Error(int line, string field, string message) => errors.Add(new ContentError(path, line, field, message));
    }
}
