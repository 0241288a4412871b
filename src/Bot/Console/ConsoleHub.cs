using LibraryBot.Bot.Handoff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace LibraryBot.Bot.Console;

/// <summary>
/// The console's live channel (<c>/console/hub</c>, SignalR JSON protocol). The server sends <c>changed(id)</c> when
/// the queue or a conversation changed; the console then reads it again through the staff API.
/// </summary>
[Authorize(Policy = StaffRole.AnswerPolicy)]
public sealed class ConsoleHub : Hub
{
    public const string Path = "/console/hub";

    public const string ChangedMethod = "changed";
}
