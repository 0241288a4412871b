namespace LibraryBot.Bot.Engine.Dialogs;

/// <summary>
/// The dialogs the bot knows, by id, with the prompts each declared (registered once at start; dialogs are stateless:
/// state lives on the stack).
/// </summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet(IEnumerable<Dialog> dialogs)
    {
        foreach (var dialog in dialogs)
        {
            Add(dialog);
        }
    }

    public DialogSet Add(Dialog dialog)
    {
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new InvalidOperationException($"A dialog with id '{dialog.Id}' is already registered.");
        }

        foreach (var child in dialog.Children)
        {
            Add(child);
        }

        return this;
    }

    public Dialog Find(string id) =>
        _dialogs.TryGetValue(id, out var dialog) ? dialog : throw new InvalidOperationException($"No dialog with id '{id}' is registered.");

    public bool Contains(string id) => _dialogs.ContainsKey(id);
}
