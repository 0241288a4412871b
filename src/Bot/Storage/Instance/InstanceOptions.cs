using FluentValidation;

namespace LibraryBot.Bot.Storage.Instance;

/// <summary><c>Instance:*</c>: who this process is to the inbox's and the outbox's claims.</summary>
public sealed class InstanceOptions
{
    public const string SectionName = "Instance";

    /// <summary>
    /// The identity under which this process claims inbox entries and replies; a process started again with the same
    /// identity takes back at once what it held when it stopped (after a crash, without waiting for the leases to lapse).
    /// Set it only when each running process has its own (a pod name of a stateful set, say). Unset, each process takes
    /// the first free identity of the store's data directory (<see cref="InstanceIdentity"/>).
    /// </summary>
    public string? Id { get; set; }

    /// <summary>
    /// Where the identities of a Cosmos DB store are kept (relative paths against the content root); a SQLite store
    /// keeps them beside its database file.
    /// </summary>
    public string Directory { get; set; } = "data";
}

public sealed class InstanceOptionsValidator : AbstractValidator<InstanceOptions>
{
    public InstanceOptionsValidator()
    {
        RuleFor(o => o.Id).Matches("^[A-Za-z0-9._:-]{1,100}$")
            .WithMessage("must be 1 to 100 letters, digits, dots, colons, underscores or hyphens").When(o => o.Id is not null);
        RuleFor(o => o.Directory).NotEmpty().WithMessage("must name a folder");
    }
}
