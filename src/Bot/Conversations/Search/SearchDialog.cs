using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Understanding;
using LibraryBot.CatalogAdapter;
using System.Text.Json;

namespace LibraryBot.Bot.Conversations.Search;

/// <summary>
/// Searches the catalogue (by author when the patron named one, falling back to any field) and shows one page of
/// results (5) as choices, with "more results" when there are more; choosing a result (or the only one) opens its
/// record. No results: spelling and fewer-words advice and a librarian offer — or, for a message that was only tried
/// as a title, "I didn't understand", counted as a misunderstanding.
/// </summary>
public sealed class SearchDialog : WaterfallDialog
{
    public new const string Id = "search";
    public const string TermsPromptId = "search.terms";
    public const string ResultPromptId = "search.result";
    public const string MoreId = "more";
    public const int PageSize = 5;

    public SearchDialog(ICatalogueSearch search)
        : base(Id)
    {
        AddDialog(new TextPrompt(TermsPromptId));
        AddDialog(new ChoicePrompt(ResultPromptId));
        AddSteps(
            (step, ct) => step.Options<SearchRequest>() is { } request && (request.Terms ?? request.Author) is not null
                ? step.NextAsync(null, ct)
                : step.PromptAsync(TermsPromptId, new PromptOptions { Prompt = Say.Text("Search.AskTerms") }, ct),
            (step, ct) =>
            {
                // Words typed at "What would you like to search for?" are the search, without a search verb they may repeat ("tìm số đỏ").
                var request = step.Options<SearchRequest>() ?? new SearchRequest(null);
                var entities = step.Context.Interpretation is { Intent: IntentNames.Search } meaning ? meaning.Entities : null;
                return ShowPageAsync(step, search, step.Result is string typed
                    ? request with { Terms = entities?.Terms ?? (entities?.Author is null ? typed : null), Author = entities?.Author }
                    : request, ct);
            },
            (step, ct) => OnChoiceAsync(step, ct));
    }

    private static async Task<DialogTurnResult> ShowPageAsync(WaterfallStepContext step, ICatalogueSearch search, SearchRequest request, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var (page, shown, effective) = await FindAsync(search, request, cancellationToken).ConfigureAwait(false);
        if (page.Hits.Count == 0)
        {
            if (!request.Explicit)
            {
                // A message nobody understood, and not a title either: a misunderstanding.
                return await NotUnderstoodDialog.Count(step, "Search.NotUnderstood", cancellationToken, shown).ConfigureAwait(false);
            }

            context.Say("Search.NoResults", shown);
            return await step.ReplaceDialogAsync(EscalationDialog.Id, new EscalationRequest(Engine.EscalationReason.PatronAsked, "search"), cancellationToken).ConfigureAwait(false);
        }

        context.State.MisunderstoodInARow = 0;
        if (page is { CorrectedTerms: { } corrected, Page: 1 })
        {
            context.Say("Search.Corrected", corrected);
        }

        var from = effective with { Explicit = true };
        if (page.Total == 1)
        {
            return await step.ReplaceDialogAsync(RecordDialog.Id, new RecordRequest(page.Hits[0].RecordId), cancellationToken).ConfigureAwait(false);
        }

        var choices = page.Hits.Select(h => PromptChoice.Verbatim(h.RecordId, h.Title, Describe(h))).ToList();
        if (page.HasMore)
        {
            choices.Add(PromptChoice.Of(MoreId, "Search.More"));
        }

        step.SetValue("request", JsonSerializer.Serialize(from, StoreJson.Options));
        return await step.PromptAsync(ResultPromptId, new PromptOptions
        {
            Prompt = Say.Text("Search.Results", page.Total, shown, page.Page),
            Optional = true,
            Choices = choices,
            ListButton = Say.Text("Search.ResultsButton"),
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An author search first when an author was named; then the words in any field.</summary>
    private static async Task<(SearchPage Page, string Shown, SearchRequest Effective)> FindAsync(ICatalogueSearch search, SearchRequest request, CancellationToken cancellationToken)
    {
        if (request.Author is { Length: > 0 } author)
        {
            var byAuthor = await search.SearchAsync(new SearchQuery(author, SearchField.Author, request.Page, PageSize), cancellationToken).ConfigureAwait(false);
            if (byAuthor.Hits.Count > 0)
            {
                return (byAuthor, author, request with { Terms = null });
            }
        }

        var terms = request.Terms ?? request.Author ?? string.Empty;
        var page = await search.SearchAsync(new SearchQuery(terms, Page: request.Page, PageSize: PageSize), cancellationToken).ConfigureAwait(false);
        return (page, terms, request with { Terms = terms, Author = null });
    }

    private static Task<DialogTurnResult> OnChoiceAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<SearchRequest>(step.GetValue("request")!, StoreJson.Options)!;
        return step.Result switch
        {
            PromptChoice { Id: MoreId } => step.ReplaceDialogAsync(Id, request with { Page = request.Page + 1 }, cancellationToken),
            PromptChoice choice => step.ReplaceDialogAsync(RecordDialog.Id, new RecordRequest(choice.Id, request), cancellationToken),
            _ => step.EndDialogAsync(null, cancellationToken),
        };
    }

    private static Say Describe(SearchHit hit)
    {
        var who = string.Join(", ", hit.Authors.Take(2));
        var year = hit.Year is { } y ? $" ({y})" : string.Empty;
        return Say.Text("Search.HitDescription", who + year, hit.Availability.Available, hit.Availability.Total);
    }
}
