using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// Every staff account in one document (<c>_staff</c> partition), replaced with its ETag: the rule that the last active
/// admin is never disabled or demoted spans accounts, and one conditional write is the only atomic write across them
/// (no TransactionalBatch on the test server). Staff are few and change rarely; see docs/storage.md.
/// </summary>
internal sealed class StaffRosterDocument
{
    public const string Partition = "_staff";
    public const string DocumentId = "staff-roster";

    public string Id { get; init; } = DocumentId;

    public string Pk { get; init; } = Partition;

    public string Type { get; init; } = "staff-roster";

    public List<StaffRow> Accounts { get; set; } = [];

    [JsonPropertyName("_etag")]
    public string? ETag { get; set; }

    public StaffRow? Find(string username) => Accounts.Find(a => string.Equals(a.Username, username, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One staff account inside <see cref="StaffRosterDocument"/>.</summary>
internal sealed class StaffRow
{
    public required string Username { get; init; }

    public required string DisplayName { get; set; }

    public required string Role { get; set; }

    public required string PasswordHash { get; set; }

    public bool Available { get; set; }

    public bool Disabled { get; set; }

    public bool IsActiveAdmin => Role == StaffRole.Admin && !Disabled;

    public StaffAccount ToAccount() => new(Username, DisplayName, Role, PasswordHash, Available, Disabled);

    public static StaffRow From(StaffAccount account) => new()
    {
        Username = account.Username,
        DisplayName = account.DisplayName,
        Role = account.Role,
        PasswordHash = account.PasswordHash,
        Available = account.Available,
        Disabled = account.Disabled,
    };
}

/// <summary>An audit line, in the partition of the conversation's hash (<c>audit:&lt;hash&gt;</c>) or <c>audit:staff</c>.</summary>
internal sealed class StaffAuditDocument
{
    public const string DocumentType = "staff-audit";

    public required string Id { get; init; }

    public required string Pk { get; init; }

    public string Type { get; init; } = DocumentType;

    /// <summary>Newest-first order: the time in microseconds, raised past this process's previous line on a tie.</summary>
    public required long Order { get; init; }

    public required long AtMs { get; init; }

    public required string Username { get; init; }

    public required string Action { get; init; }

    public string? ConversationHash { get; init; }

    public string? Target { get; init; }

    public static string PartitionFor(string? conversationHash) => "audit:" + (conversationHash ?? "staff");
}

/// <summary>A transcript line in its conversation's partition; its id is a hash of the entry key, so a repeat is a 409.</summary>
internal sealed class TranscriptDocument
{
    public const string DocumentType = "transcript";

    public required string Id { get; init; }

    public required string Pk { get; init; }

    public string Type { get; init; } = DocumentType;

    /// <summary>The line's number, from its conversation's own counter (<see cref="CosmosTranscriptStore.LineCounter"/>).</summary>
    public required long Seq { get; init; }

    public required string EntryKey { get; init; }

    public required long AtMs { get; init; }

    public required TranscriptAuthor Author { get; init; }

    public string? Staff { get; init; }

    public required string Text { get; init; }

    public required string MaskedText { get; init; }

    public bool Masked { get; init; }

    public static string IdFor(string entryKey) =>
        "transcript-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entryKey)));

    public TranscriptEntry ToEntry() =>
        new(Pk, EntryKey, DateTimeOffset.FromUnixTimeMilliseconds(AtMs), Author, Staff, Text, MaskedText, Seq);
}

/// <summary>A patron's rating of a closed chat, in the conversation's partition.</summary>
internal sealed class RatingDocument
{
    public const string DocumentType = "handoff-rating";

    public required string Id { get; init; }

    public required string Pk { get; init; }

    public string Type { get; init; } = DocumentType;

    public string? Staff { get; init; }

    public required int Rating { get; init; }

    public string? Comment { get; init; }

    public required long AtMs { get; init; }
}
