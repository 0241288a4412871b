using System.Globalization;
using System.Text.Json;
using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Conversations.Holds;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Storage;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Conversations.Search;

/// <summary>
/// Shows one record as a card with its availability per branch and actions: place a hold, another search, back to
/// the results. Any other message is not an answer here: the engine serves it as a new request (another search, "my
/// loans"…).
/// </summary>
public sealed class RecordDialog : WaterfallDialog
{
    public new const string Id = "search.record";
    public const string HoldId = "hold";
    public const string SearchId = "search";
    public const string BackId = "back";

    public RecordDialog(ICatalogueSearch search, ICatalogue catalogue, TimeProvider clock)
        : base(Id)
    {
        AddSteps(
            async (step, ct) =>
            {
                var context = step.Context;
                var request = step.Options<RecordRequest>()!;
                var record = await search.GetRecordAsync(request.RecordId, ct).ConfigureAwait(false);
                if (record is null)
                {
                    context.Say("Record.NotFound");
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                step.SetValue("title", record.Title);
                var today = await LibraryClock.TodayAsync(catalogue, clock, ct).ConfigureAwait(false);
                context.Send(new RecordCard(
                    record.Title,
                    string.Join(", ", record.Authors),
                    record.Year?.ToString(CultureInfo.InvariantCulture),
                    AvailabilityText.Describe(record, context, today),
                    Actions(context, request)));
                return DialogTurnResult.Waiting;
            },
            (step, ct) =>
            {
                var request = step.Options<RecordRequest>()!;
                switch (ChoiceRecognizer.Recognize(step.Context.Activity, Actions(step.Context, request))?.Id)
                {
                    case HoldId:
                        return step.ReplaceDialogAsync(PlaceHoldDialog.Id, new PlaceHoldRequest(request.RecordId, step.GetValue("title")!), ct);
                    case SearchId:
                        return step.ReplaceDialogAsync(SearchDialog.Id, new SearchRequest(null), ct);
                    case BackId when request.From is { } from:
                        return step.ReplaceDialogAsync(SearchDialog.Id, from, ct);
                    default:
                        step.Context.MessageUnused = true;
                        return step.EndDialogAsync(null, ct);
                }
            });
    }

    /// <summary>The record's actions are an offer: a question on the side (hours, help) drops them.</summary>
    public override bool IsOffer(DialogInstance instance) => true;

    public override AnswerFit Fit(DialogContext dc) =>
        dc.ActiveDialog!.State["options"]?.Deserialize<RecordRequest>(StoreJson.Options) is { } request
        && ChoiceRecognizer.Recognize(dc.Context.Activity, Actions(dc.Context, request)) is not null ? AnswerFit.Strong : AnswerFit.None;

    private static IReadOnlyList<Choice> Actions(TurnContext context, RecordRequest request)
    {
        var actions = new List<Choice> { new(HoldId, context.Localize("Record.Hold")), new(SearchId, context.Localize("Record.NewSearch")) };
        if (request.From is not null)
        {
            actions.Add(new Choice(BackId, context.Localize("Record.Back")));
        }

        return actions;
    }
}
