using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Conversations.Hours;

/// <summary>Answers with the library's auto-reply rule the message matched, in the patron's language.</summary>
public sealed class AutoReplyDialog : WaterfallDialog
{
    public new const string Id = "autoreply";

    public AutoReplyDialog(IOptions<AutoRepliesOptions> options)
        : base(Id)
    {
        AddSteps((step, ct) =>
        {
            var name = step.Options<AutoReplyRequest>()?.Rule;
            var rule = options.Value.Rules.FirstOrDefault(r => r.Name == name);
            if (rule is not null)
            {
                step.Context.SendText(rule.Answer.TryGetValue(step.Context.Locale, out var answer) ? answer : rule.Answer[BotLocales.Default]);
            }

            return step.EndDialogAsync(null, ct);
        });
    }
}
