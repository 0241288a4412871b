using LibraryBot.Bot.Engine.Dialogs;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>
/// Waterfall steps for dialogs that need a linked card: when none is linked, card linking runs first and the
/// dialog then resumes where the patron wanted to go; if linking fails, the dialog ends.
/// </summary>
public static class CardSteps
{
    public static WaterfallStep[] WithCard(params WaterfallStep[] steps) =>
    [
        (step, ct) => LinkedCards.Active(step.Context.State) is null
            ? step.BeginDialogAsync(LinkCardDialog.Id, new LinkRequest(Explain: true), ct)
            : step.NextAsync(null, ct),
        (step, ct) => LinkedCards.Active(step.Context.State) is null ? step.EndDialogAsync(null, ct) : steps[0](step, ct),
        .. steps[1..],
    ];

    /// <summary>The card in use (only valid in steps after <see cref="WithCard"/>'s gate).</summary>
    public static LinkedCard Card(WaterfallStepContext step) =>
        LinkedCards.Active(step.Context.State) ?? throw new InvalidOperationException("No linked card: the step runs outside WithCard.");
}
