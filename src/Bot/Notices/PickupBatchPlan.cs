using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// Who a pickup batch reaches (on which chat) and who it cannot reach and why: a preview, or once sent (with
/// <see cref="BatchId"/>) what was queued and what had been sent before.
/// </summary>
public sealed record PickupBatchPlan(
    Branch Branch,
    DateOnly Day,
    IReadOnlyList<PickupBatchRecipient> Recipients,
    IReadOnlyList<PickupBatchProblem> Problems,
    string? BatchId = null);
