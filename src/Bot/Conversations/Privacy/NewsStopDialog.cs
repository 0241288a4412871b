using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Engine.Dialogs;

namespace LibraryBot.Bot.Conversations.Privacy;

/// <summary>
/// STOP, BAJA, 退订, HỦY as the whole message with no question waiting: news messages stop, and the patron is told how
/// to undo it. (With a question waiting, the same words cancel the question instead: see the intent's registration.)
/// </summary>
public sealed class NewsStopDialog : WaterfallDialog
{
    public new const string Id = "privacy.news-stop";

    public NewsStopDialog(MarketingConsent consent)
        : base(Id)
    {
        AddSteps(async (step, ct) =>
        {
            await consent.OptOutAsync(step.Context, ConsentSource.StopWord, "Privacy.MarketingStopped", ct).ConfigureAwait(false);
            return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
        });
    }
}
