using LibraryBot.Bot.Conversations.Holds;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Conversations.Search;

/// <summary>
/// Shows one record as a card with its availability per branch and actions: place a hold, another search, back to
/// the results. Anything else the patron writes is searched for.
/// </summary>
public sealed class RecordDialog : WaterfallDialog
{
    public new const string Id = "search.record";
    public const string HoldId = "hold";
    public const string SearchId = "search";
    public const string BackId = "back";

    public RecordDialog(BotText text)
        : base(Id, [
            async (step, ct) =>
            {
                var request = step.Options<RecordRequest>()!;
                var record = await step.Context.Services.GetRequiredService<ICatalogueSearch>().GetRecordAsync(request.RecordId, ct).ConfigureAwait(false);
                if (record is null)
                {
                    step.Context.SendText(text.Get("Record.NotFound", step.Context.Locale));
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                step.SetValue("title", record.Title);
                step.Context.Send(new RecordCard(
                    record.Title,
                    string.Join(", ", record.Authors),
                    record.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    AvailabilityText.Describe(record, text, step.Context.Locale),
                    Actions(text, step.Context.Locale, request)));
                return DialogTurnResult.Waiting;
            },
            (step, ct) =>
            {
                var request = step.Options<RecordRequest>()!;
                var chosen = ChoiceRecognizer.Recognize(step.Context.Activity, Actions(text, step.Context.Locale, request));
                return chosen?.Id switch
                {
                    HoldId => step.ReplaceDialogAsync(PlaceHoldDialog.Id, new PlaceHoldRequest(request.RecordId, step.GetValue("title")!), ct),
                    SearchId => step.ReplaceDialogAsync(SearchDialog.Id, new SearchRequest(null), ct),
                    BackId => step.ReplaceDialogAsync(SearchDialog.Id, new SearchRequest(request.Terms, request.Page), ct),
                    _ when step.Context.Activity.Text is { Length: > 0 } words =>
                        step.ReplaceDialogAsync(SearchDialog.Id, new SearchRequest(words.Trim(), Explicit: false, MisunderstoodBefore: step.Context.State.MisunderstoodInARow), ct),
                    _ => step.EndDialogAsync(null, ct),
                };
            },
        ])
    {
    }

    private static IReadOnlyList<Choice> Actions(BotText text, string locale, RecordRequest request)
    {
        var actions = new List<Choice> { new(HoldId, text.Get("Record.Hold", locale)), new(SearchId, text.Get("Record.NewSearch", locale)) };
        if (request.Terms is not null)
        {
            actions.Add(new Choice(BackId, text.Get("Record.Back", locale)));
        }

        return actions;
    }
}
