using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Conversations.Search;

/// <summary>
/// Searches the catalogue and shows one page of results (5) as choices, with "more results" when there are more;
/// choosing a result (or the only one) opens its record. No results: spelling and fewer-words suggestions and a librarian offer.
/// </summary>
public sealed class SearchDialog : WaterfallDialog
{
    public new const string Id = "search";
    public const string TermsPromptId = "search.terms";
    public const string ResultPromptId = "search.result";
    public const string MoreId = "more";
    public const int PageSize = 5;

    public SearchDialog(BotText text)
        : base(Id, [
            (step, ct) => step.Options<SearchRequest>()?.Terms is null
                ? step.PromptAsync(TermsPromptId, new PromptOptions { Prompt = text.Get("Search.AskTerms", step.Context.Locale) }, ct)
                : step.NextAsync(step.Options<SearchRequest>()!.Terms, ct),
            (step, ct) => ShowPageAsync(step, text, (string)step.Result!, ct),
            (step, ct) => OnChoiceAsync(step, ct),
        ])
    {
    }

    private static async Task<DialogTurnResult> ShowPageAsync(WaterfallStepContext step, BotText text, string terms, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var request = step.Options<SearchRequest>() ?? new SearchRequest(terms);
        var search = context.Services.GetRequiredService<ICatalogueSearch>();
        var page = await search.SearchAsync(new SearchQuery(terms, Page: request.Page, PageSize: PageSize), cancellationToken).ConfigureAwait(false);
        step.SetValue("terms", terms);
        step.SetValue("page", request.Page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (page.Hits.Count == 0)
        {
            return await NoResultsAsync(step, text, terms, request, cancellationToken).ConfigureAwait(false);
        }

        context.State.MisunderstoodInARow = 0;
        if (page.Total == 1)
        {
            return await step.ReplaceDialogAsync(RecordDialog.Id, new RecordRequest(page.Hits[0].RecordId), cancellationToken).ConfigureAwait(false);
        }

        var locale = context.Locale;
        var choices = page.Hits.Select(h => new Choice(h.RecordId, h.Title, Describe(h, text, locale))).ToList();
        if (page.HasMore)
        {
            choices.Add(new Choice(MoreId, text.Get("Search.More", locale)));
        }

        return await step.PromptAsync(ResultPromptId, new PromptOptions
        {
            Prompt = text.Get("Search.Results", locale, page.Total, terms, page.Page),
            Choices = choices,
            ListButton = text.Get("Search.ResultsButton", locale),
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> NoResultsAsync(WaterfallStepContext step, BotText text, string terms, SearchRequest request, CancellationToken cancellationToken)
    {
        var context = step.Context;
        if (!request.Explicit)
        {
            // A message nobody understood, and not a title either: count it as a misunderstanding.
            context.State.MisunderstoodInARow = request.MisunderstoodBefore + 1;
            if (context.State.MisunderstoodInARow >= DialogEngine.MisunderstandingsBeforeOffer)
            {
                context.State.MisunderstoodInARow = 0;
                return await step.ReplaceDialogAsync(EscalationDialog.Id, new EscalationRequest(EscalationReason.NotUnderstood), cancellationToken).ConfigureAwait(false);
            }

            context.SendText(text.Get("Search.NotUnderstood", context.Locale, terms));
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        context.SendText(text.Get("Search.NoResults", context.Locale, terms));
        return await step.ReplaceDialogAsync(EscalationDialog.Id, new EscalationRequest(EscalationReason.PatronAsked, "search"), cancellationToken)
            .ConfigureAwait(false);
    }

    private static Task<DialogTurnResult> OnChoiceAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var terms = step.GetValue("terms")!;
        var page = int.Parse(step.GetValue("page")!, System.Globalization.CultureInfo.InvariantCulture);
        return step.Result switch
        {
            Choice { Id: MoreId } => step.ReplaceDialogAsync(Id, new SearchRequest(terms, page + 1), cancellationToken),
            Choice choice => step.ReplaceDialogAsync(RecordDialog.Id, new RecordRequest(choice.Id, terms, page), cancellationToken),
            _ => step.EndDialogAsync(null, cancellationToken),
        };
    }

    private static string Describe(SearchHit hit, BotText text, string locale)
    {
        var who = string.Join(", ", hit.Authors.Take(2));
        var year = hit.Year is { } y ? $" ({y})" : string.Empty;
        return text.Get("Search.HitDescription", locale, who + year, hit.Availability.Available, hit.Availability.Total);
    }
}
