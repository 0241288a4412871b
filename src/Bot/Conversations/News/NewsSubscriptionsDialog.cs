using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Conversations.Privacy;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Conversations.News;

/// <summary>
/// "my subscriptions" (mis suscripciones, 我的订阅, đăng ký của tôi): the topics this chat gets news about, from the
/// consent ledger; picking one leaves it (a withdrawal with the words said), "join another topic" opens the sign-up.
/// With none, says so and offers the topics.
/// </summary>
public sealed class NewsSubscriptionsDialog : WaterfallDialog
{
    public new const string Id = "news.subscriptions";
    public const string PromptId = "news.subscriptions.choice";
    public const string JoinChoiceId = "news.join";
    public const string LeavePrefix = "news.leave:";

    public NewsSubscriptionsDialog(NewsTopicConsent consent, MarketingConsent marketing)
        : base(Id)
    {
        AddDialog(new NewsChoicePrompt(PromptId));
        AddSteps(
            async (step, ct) =>
            {
                var context = step.Context;
                var joined = await consent.JoinedAsync(context, ct).ConfigureAwait(false);
                if (joined.Count == 0)
                {
                    context.Say("News.SubscriptionsNone");
                    return await step.ReplaceDialogAsync(NewsSignupDialog.Id, null, ct).ConfigureAwait(false);
                }

                var names = string.Join(", ", joined.Select(t => TopicNames.In(t, context.Locale)));
                var choices = joined.Select(t => PromptChoice.Of(LeavePrefix + t.Id, "News.LeaveChoice", TopicNames.In(t, context.Locale))).ToList();
                var more = joined.Count < consent.Topics.Count;
                if (more)
                {
                    choices.Add(PromptChoice.Of(JoinChoiceId, "News.JoinChoice"));
                }

                return await step.PromptAsync(PromptId, new PromptOptions
                {
                    Prompt = Say.Text(more ? "News.Subscriptions" : "News.SubscriptionsAll", names),
                    Choices = choices,
                    ListButton = Say.Text("News.PickButton"),
                    Optional = true,
                }, ct).ConfigureAwait(false);
            },
            async (step, ct) =>
            {
                var choice = (PromptChoice)step.Result!;
                if (choice.Id == NewsChoicePrompt.StopId)
                {
                    await marketing.OptOutAsync(step.Context, ConsentSource.StopWord, "Privacy.MarketingStopped", ct).ConfigureAwait(false);
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                if (choice.Id == JoinChoiceId)
                {
                    return await step.ReplaceDialogAsync(NewsSignupDialog.Id, null, ct).ConfigureAwait(false);
                }

                if (choice.Id.StartsWith(LeavePrefix, StringComparison.Ordinal) && consent.Topic(choice.Id[LeavePrefix.Length..]) is { } topic)
                {
                    await consent.LeaveAsync(step.Context, topic, ct).ConfigureAwait(false);
                }

                return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
            });
    }
}
