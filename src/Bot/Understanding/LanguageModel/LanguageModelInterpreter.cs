using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Understanding.LanguageModel;

/// <summary>
/// Asks a language model (through Microsoft.Extensions.AI's <see cref="IChatClient"/>) what a message the local
/// recogniser is unsure about asks. The prompt carries no card number, PIN or phone number (they were masked, and any
/// number of three digits or more is masked again here); the answer must follow a strict JSON schema with an intent from
/// the list; it must come within the timeout. Anything else — a late, malformed or unknown answer — is ignored and the
/// local interpretation stands.
/// </summary>
public sealed partial class LanguageModelInterpreter(IChatClient client, IOptions<LanguageModelOptions> options, ILogger<LanguageModelInterpreter> logger)
    : ILanguageModelInterpreter
{
    /// <summary>The intents the model may answer (account actions, search, questions); stop words and yes/no stay local.</summary>
    public static readonly string[] Intents =
    [
        IntentNames.Search, IntentNames.Loans, IntentNames.RenewAll, IntentNames.RenewOne, IntentNames.Renew, IntentNames.Holds, IntentNames.Fines,
        IntentNames.Hours, IntentNames.Contact, IntentNames.Cards, IntentNames.LinkCard, IntentNames.UnlinkCard, IntentNames.Librarian,
        IntentNames.Help, IntentNames.Menu, IntentNames.Greeting, IntentNames.SmallTalk, IntentNames.DeleteData, IntentNames.None,
    ];

    private static readonly JsonElement Schema = JsonDocument.Parse($$"""
        {
          "type": "object",
          "properties": {
            "intent": { "type": "string", "enum": [{{string.Join(", ", Intents.Select(i => $"\"{i}\""))}}] },
            "confidence": { "type": "number", "minimum": 0, "maximum": 1 },
            "terms": { "type": ["string", "null"] },
            "author": { "type": ["string", "null"] }
          },
          "required": ["intent", "confidence", "terms", "author"],
          "additionalProperties": false
        }
        """).RootElement.Clone();

    private const string Instructions =
        "You classify one message a library patron sent to the library's chat assistant (English, Spanish, Chinese or Vietnamese, "
        + "often with typos). Answer only with JSON following the schema. intent: search (looking for a book, author or subject; put "
        + "the title or subject words in terms and an author in author), loans (what they borrowed, due dates), renew-all, renew-one, "
        + "renew (unclear which), holds (reservations, pickup), fines (what they owe), hours (opening times), contact (address, phone), "
        + "cards (switch between linked cards), link-card, unlink-card, librarian (wants a person), help, menu, greeting, smalltalk "
        + "(thanks, chit-chat, emoji), delete-data, or none. confidence: how sure you are, 0 to 1.";

    public async Task<Interpretation?> InterpretAsync(string maskedText, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.TimeoutMs);
        try
        {
            var response = await client.GetResponseAsync(
                [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, LongNumbers().Replace(maskedText, "***"))],
                new ChatOptions
                {
                    ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, "interpretation", "A library patron's message, classified."),
                    Temperature = 0,
                    MaxOutputTokens = 120,
                },
                timeout.Token).ConfigureAwait(false);
            return Parse(response.Text);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && TimedOut(ex))
        {
            UnderstandingLog.LanguageModelTimedOut(logger, settings.TimeoutMs);
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or JsonException or System.ClientModel.ClientResultException)
        {
            UnderstandingLog.LanguageModelFailed(logger, ex.GetType().Name);
            return null;
        }
    }

    /// <summary>
    /// Our deadline passed, or the client's own network timeout did — which its retry policy may report as an
    /// <see cref="AggregateException"/> of cancellations ("Retry failed after 2 tries") before our deadline fires.
    /// </summary>
    private static bool TimedOut(Exception exception) =>
        exception is OperationCanceledException
        || (exception is AggregateException aggregate && aggregate.Flatten().InnerExceptions.All(inner => inner is OperationCanceledException));

    /// <summary>An answer that follows the schema, with a known intent; null otherwise.</summary>
    public static Interpretation? Parse(string? json)
    {
        LanguageModelAnswer? answer;
        try
        {
            answer = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<LanguageModelAnswer>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (JsonException)
        {
            return null;
        }

        if (answer is null || !Intents.Contains(answer.Intent) || answer.Intent == IntentNames.None || answer.Confidence is < 0 or > 1)
        {
            return null;
        }

        var entities = InterpretedEntities.None with { Terms = answer.Terms?.Trim() is { Length: > 0 } t ? t : null, Author = answer.Author?.Trim() is { Length: > 0 } a ? a : null };

        // The model's word counts less than the lexicon's: at most "clear", never "explicit".
        return new Interpretation(answer.Intent, Math.Min(0.85, 0.5 + 0.4 * answer.Confidence), entities, null, InterpretationSource.LanguageModel);
    }

    /// <summary>Any number of three digits or more, and phone-like runs of digits with spaces, dots, dashes, brackets or a plus.</summary>
    [GeneratedRegex(@"\+?\(?\d[\d\s\-\.\(\)]*\d{2,}|\d{3,}")]
    private static partial Regex LongNumbers();
}
