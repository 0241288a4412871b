using LibraryBot.Bot.Understanding;

namespace LibraryBot.Contracts.Understanding;

/// <summary>
/// How the understanding layer did on one corpus line: the intent (a non-action line is right when it starts no
/// action: small talk, a greeting, yes/no or nothing) and every entity the line expects (compared folded: case, accents
/// and punctuation aside).
/// </summary>
public sealed record CorpusOutcome(CorpusLine Line, Interpretation Got)
{
    private static readonly HashSet<string> NonActions = [IntentNames.SmallTalk, IntentNames.Greeting, IntentNames.Affirm, IntentNames.Deny, IntentNames.None];

    public bool IntentRight => Line.Intent == IntentNames.SmallTalk ? NonActions.Contains(Got.Intent) : Got.Intent == Line.Intent;

    public bool EntitiesRight => Line.Entities.All(e => Same(e.Value, Actual(e.Key)));

    public bool Right => IntentRight && EntitiesRight;

    public string? Actual(string key) => key switch
    {
        "terms" => Got.Entities.Terms,
        "author" => Got.Entities.Author,
        "card" => Got.Entities.CardNumber,
        "pin" => Got.Entities.Pin,
        "locale" => Got.Entities.Locale,
        "rule" => Got.Entities.Rule,
        _ => throw new InvalidOperationException($"Unknown corpus entity '{key}'."),
    };

    public string Describe() =>
        $"{Line.File} [{Line.Split}] \"{Line.Utterance}\" expected {Line.Intent} {string.Join(" ", Line.Entities.Select(e => $"{e.Key}={e.Value}"))} "
        + $"got {Got.Intent} {Got.Confidence:0.00} ({Got.Source}) terms={Got.Entities.Terms} author={Got.Entities.Author} card={Got.Entities.CardNumber} pin={Got.Entities.Pin} locale={Got.Entities.Locale} rule={Got.Entities.Rule}";

    private static bool Same(string expected, string? actual) =>
        actual is not null && Lexicon.Fold(expected) == Lexicon.Fold(actual);
}
