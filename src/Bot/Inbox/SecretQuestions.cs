using System.Collections.Concurrent;
using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Inbox;

/// <summary>
/// The conversations whose bot is waiting for a secret (the PIN question: a prompt whose id ends in ".pin"), as this
/// process last committed them. Whatever such a patron sends next as a single word is taken out before storage, even a
/// password without digits.
/// </summary>
public sealed class SecretQuestions
{
    public const string SecretPromptSuffix = ".pin";

    private readonly ConcurrentDictionary<string, byte> _waiting = new(StringComparer.Ordinal);

    public bool IsWaiting(string conversationKey) => _waiting.ContainsKey(conversationKey);

    /// <summary>Puts back what was known before a turn whose commit failed.</summary>
    public void Restore(string conversationKey, bool waiting)
    {
        if (waiting)
        {
            _waiting[conversationKey] = 0;
        }
        else
        {
            _waiting.TryRemove(conversationKey, out _);
        }
    }

    public void Update(string conversationKey, ConversationState state)
    {
        if (state.DialogStack.Count > 0 && state.DialogStack[^1].Id.EndsWith(SecretPromptSuffix, StringComparison.Ordinal))
        {
            _waiting[conversationKey] = 0;
        }
        else
        {
            _waiting.TryRemove(conversationKey, out _);
        }
    }
}
