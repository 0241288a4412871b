using FluentValidation;

namespace LibraryBot.Bot.Outbox;

/// <summary><c>Outbox:*</c>: how replies are sent and retried.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    public bool DispatchEnabled { get; set; } = true;

    /// <summary>Attempts before a reply that keeps failing transiently is stopped as failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubles each attempt (with ±25 % jitter) up to <see cref="MaxBackoffSeconds"/>.</summary>
    public double InitialBackoffSeconds { get; set; } = 1;

    public double MaxBackoffSeconds { get; set; } = 300;

    /// <summary>Sends in flight at once (different conversations).</summary>
    public int MaxParallelSends { get; set; } = 64;

    public int ClaimBatchSize { get; set; } = 512;

    public int PollMilliseconds { get; set; } = 200;

    public int LeaseSeconds { get; set; } = 120;
}

public sealed class OutboxOptionsValidator : AbstractValidator<OutboxOptions>
{
    public OutboxOptionsValidator()
    {
        RuleFor(o => o.MaxAttempts).InclusiveBetween(1, 100);
        RuleFor(o => o.InitialBackoffSeconds).GreaterThan(0);
        RuleFor(o => o.MaxBackoffSeconds).GreaterThanOrEqualTo(o => o.InitialBackoffSeconds).WithMessage("must be at least InitialBackoffSeconds");
        RuleFor(o => o.MaxParallelSends).InclusiveBetween(1, 1024);
        RuleFor(o => o.ClaimBatchSize).InclusiveBetween(1, 10_000);
        RuleFor(o => o.PollMilliseconds).InclusiveBetween(10, 60_000);
        RuleFor(o => o.LeaseSeconds).InclusiveBetween(10, 3600);
    }
}
