using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Conversations.Privacy;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Understanding;

namespace LibraryBot.Bot.Conversations.News;

/// <summary>
/// "news", "noticias", "订阅", "tin tức": the topics not signed up for yet, as a list; each pick is a consent-ledger grant
/// with the words shown, then the remaining topics are offered until the patron picks Done (or asks something else:
/// the list is an offer, never a trap). A topic already named — "news events", a poster's WhatsApp link or WeChat QR
/// code — is asked about first with a Yes button: a scan alone is no consent.
/// </summary>
public sealed class NewsSignupDialog : WaterfallDialog
{
    public new const string Id = "news.signup";
    public const string PickPromptId = "news.signup.pick";
    public const string ConfirmPromptId = "news.signup.confirm";
    public const string DoneChoiceId = "news.done";
    private const string TopicValue = "topic";

    public NewsSignupDialog(NewsTopicConsent consent, MarketingConsent marketing)
        : base(Id)
    {
        AddDialog(new NewsChoicePrompt(PickPromptId));
        AddDialog(new ConfirmPrompt(ConfirmPromptId));
        AddSteps(
            async (step, ct) =>
            {
                var context = step.Context;
                var request = step.Options<NewsSignupRequest>() ?? new NewsSignupRequest(null);
                var joined = await consent.JoinedAsync(context, ct).ConfigureAwait(false);
                if (consent.Topic(request.TopicId) is { } named)
                {
                    if (joined.Any(t => t.Id == named.Id))
                    {
                        context.Say("News.AlreadyJoined", TopicNames.In(named, context.Locale));
                        return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                    }

                    step.SetValue(TopicValue, named.Id);
                    return await step.PromptAsync(ConfirmPromptId, new PromptOptions
                    {
                        Prompt = consent.ConfirmQuestion(context, named),
                        YesIntents = [IntentNames.NewsSignup],
                    }, ct).ConfigureAwait(false);
                }

                var remaining = consent.Topics.Where(t => joined.All(j => j.Id != t.Id)).ToList();
                if (remaining.Count == 0)
                {
                    context.Say("News.AllJoined");
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                var choices = remaining.Select(t => PromptChoice.Verbatim(t.Id, TopicNames.In(t, context.Locale))).ToList();
                if (request.Another)
                {
                    choices.Add(PromptChoice.Of(DoneChoiceId, "News.DoneChoice"));
                }

                return await step.PromptAsync(PickPromptId, new PromptOptions
                {
                    Prompt = request.Another ? Say.Text("News.Another") : consent.PickQuestion(context),
                    Choices = choices,
                    ListButton = Say.Text("News.PickButton"),
                    Optional = true,
                }, ct).ConfigureAwait(false);
            },
            async (step, ct) =>
            {
                var context = step.Context;
                BroadcastTopic? topic;
                if (step.GetValue(TopicValue) is { } confirmed)
                {
                    topic = consent.Topic(confirmed)!;
                    if (step.Result is not true)
                    {
                        context.Say("News.NotJoined", TopicNames.In(topic, context.Locale));
                        return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                    }

                    var question = consent.ConfirmQuestion(context, topic).Render(context.Text, context.Locale);
                    await consent.JoinAsync(context, topic, question, ct).ConfigureAwait(false);
                }
                else
                {
                    var choice = (PromptChoice)step.Result!;
                    if (choice.Id == NewsChoicePrompt.StopId)
                    {
                        await marketing.OptOutAsync(context, ConsentSource.StopWord, "Privacy.MarketingStopped", ct).ConfigureAwait(false);
                        return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                    }

                    if (choice.Id == DoneChoiceId || consent.Topic(choice.Id) is not { } picked)
                    {
                        context.Say("News.Finished");
                        return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                    }

                    topic = picked;
                    await consent.JoinAsync(context, topic, null, ct).ConfigureAwait(false);
                }

                var joined = await consent.JoinedAsync(context, ct).ConfigureAwait(false);
                return joined.Count < consent.Topics.Count
                    ? await step.ReplaceDialogAsync(Id, new NewsSignupRequest(null, Another: true), ct).ConfigureAwait(false)
                    : await step.EndDialogAsync(null, ct).ConfigureAwait(false);
            });
    }
}
