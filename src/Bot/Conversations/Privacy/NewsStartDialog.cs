using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Conversations.News;
using LibraryBot.Bot.Engine.Dialogs;

namespace LibraryBot.Bot.Conversations.Privacy;

/// <summary>
/// START, ALTA, 恢复订阅, "nhận tin lại": news messages resume, with how to stop them again. The topics stopped with STOP
/// are not signed up again by this: the topics are listed so the patron picks the ones they want.
/// </summary>
public sealed class NewsStartDialog : WaterfallDialog
{
    public new const string Id = "privacy.news-start";

    public NewsStartDialog(MarketingConsent consent)
        : base(Id)
    {
        AddSteps(async (step, ct) =>
        {
            await consent.OptInAsync(step.Context, ConsentSource.StopWord, "Privacy.MarketingStarted", ct).ConfigureAwait(false);
            return await step.ReplaceDialogAsync(NewsSignupDialog.Id, null, ct).ConfigureAwait(false);
        });
    }
}
