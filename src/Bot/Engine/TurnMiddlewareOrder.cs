namespace LibraryBot.Bot.Engine;

/// <summary>The order turn middleware runs in, declared once (see <c>Hosting/TurnOrder.cs</c>).</summary>
public sealed record TurnMiddlewareOrder(IReadOnlyList<Type> Types);
