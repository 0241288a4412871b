using LibraryBot.Bot.Engine.Dialogs;

namespace LibraryBot.Bot.Conversations.Privacy;

/// <summary>START, ALTA, 恢复订阅, "nhận tin lại": news messages resume, with how to stop them again.</summary>
public sealed class NewsStartDialog : WaterfallDialog
{
    public new const string Id = "privacy.news-start";

    public NewsStartDialog(MarketingConsent consent)
        : base(Id)
    {
        AddSteps((step, ct) =>
        {
            consent.OptIn(step.Context);
            step.Context.Say("Privacy.MarketingStarted");
            return step.EndDialogAsync(null, ct);
        });
    }
}
