using LibraryBot.Bot.Handoff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace LibraryBot.Bot.Console;

/// <summary>
/// The console's live channel (<c>/console/hub</c>, SignalR JSON protocol). The server sends <c>changed(id)</c> when
/// the queue or a conversation changed; the console then reads it again through the staff API. Any signed-in staff
/// member may connect (outreach staff follow their broadcasts here): it carries ids only, never a transcript.
/// </summary>
[Authorize(Policy = StaffRole.AnyPolicy)]
public sealed class ConsoleHub : Hub
{
    public const string Path = "/console/hub";

    public const string ChangedMethod = "changed";
}
