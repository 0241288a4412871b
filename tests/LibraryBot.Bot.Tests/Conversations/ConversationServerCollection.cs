namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>The transcript tests share one server.</summary>
[CollectionDefinition(Name)]
public sealed class ConversationServerCollection : ICollectionFixture<ConversationServer>
{
    public const string Name = "Conversations through the real webhooks";
}
