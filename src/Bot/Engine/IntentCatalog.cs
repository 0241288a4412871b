namespace LibraryBot.Bot.Engine;

/// <summary>The registered intents and their recognisers, in registration order.</summary>
public sealed class IntentCatalog(IEnumerable<Intent> intents, IEnumerable<IIntentRecognizer> recognizers)
{
    private readonly Dictionary<string, Intent> _byName = intents.ToDictionary(i => i.Name, StringComparer.Ordinal);
    private readonly IIntentRecognizer[] _recognizers = recognizers.ToArray();

    /// <summary>Intents shown in the menu, in menu order.</summary>
    public IReadOnlyList<Intent> MenuEntries =>
        _byName.Values.Where(i => i.MenuTitleKey is not null).OrderBy(i => i.MenuOrder).ToArray();

    public bool Contains(string name) => _byName.ContainsKey(name);

    public Intent Find(string name) =>
        _byName.TryGetValue(name, out var intent) ? intent : throw new InvalidOperationException($"No intent named '{name}'.");

    public IntentMatch? Recognize(TurnContext context)
    {
        foreach (var recognizer in _recognizers)
        {
            if (recognizer.Recognize(context) is { } match && Contains(match.IntentName))
            {
                return match;
            }
        }

        return null;
    }
}
