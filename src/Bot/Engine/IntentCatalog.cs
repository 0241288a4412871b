namespace LibraryBot.Bot.Engine;

/// <summary>The registered intents, by name.</summary>
public sealed class IntentCatalog(IEnumerable<Intent> intents)
{
    private readonly Dictionary<string, Intent> _byName = intents.ToDictionary(i => i.Name, StringComparer.Ordinal);

    /// <summary>Intents shown in the menu, in menu order.</summary>
    public IReadOnlyList<Intent> MenuEntries =>
        _byName.Values.Where(i => i.MenuTitleKey is not null).OrderBy(i => i.MenuOrder).ToArray();

    public bool Contains(string name) => _byName.ContainsKey(name);

    public Intent? TryFind(string name) => _byName.GetValueOrDefault(name);

    public Intent Find(string name) =>
        _byName.TryGetValue(name, out var intent) ? intent : throw new InvalidOperationException($"No intent named '{name}'.");
}
