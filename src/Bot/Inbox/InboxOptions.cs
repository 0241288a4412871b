using FluentValidation;

namespace LibraryBot.Bot.Inbox;

/// <summary><c>Inbox:*</c>: how inbound activities are stored and processed.</summary>
public sealed class InboxOptions
{
    public const string SectionName = "Inbox";

    /// <summary>Run turns in this process (turn off for a webhook-only instance).</summary>
    public bool ProcessingEnabled { get; set; } = true;

    /// <summary>Conversations processed at the same time.</summary>
    public int MaxConcurrentConversations { get; set; } = 64;

    /// <summary>Most entries this process holds at once (claimed, queued or running); claims top it up as turns finish.</summary>
    public int ClaimBatchSize { get; set; } = 1000;

    /// <summary>
    /// How long a claim on a conversation's entries lasts before another process may take them (after a crash, the
    /// entries of the dead process wait this long, unless it is started again with the same instance identity). The claims
    /// this process holds are renewed every third of it.
    /// </summary>
    public int LeaseSeconds { get; set; } = 10;

    /// <summary>How often to look for entries stored by other processes (this process's own are signalled at once).</summary>
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>Most activities committed in one inbox transaction.</summary>
    public int MaxBatch { get; set; } = 2048;
}

public sealed class InboxOptionsValidator : AbstractValidator<InboxOptions>
{
    public InboxOptionsValidator()
    {
        RuleFor(o => o.MaxConcurrentConversations).InclusiveBetween(1, 4096);
        RuleFor(o => o.ClaimBatchSize).InclusiveBetween(1, 100_000);
        RuleFor(o => o.LeaseSeconds).InclusiveBetween(5, 3600);
        RuleFor(o => o.PollMilliseconds).InclusiveBetween(10, 60_000);
        RuleFor(o => o.MaxBatch).InclusiveBetween(1, 100_000);
    }
}
