using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Consent;

/// <summary>A stored consent event: the address only as a keyed hash (it survives "delete my data" as a suppression record).</summary>
public sealed record ConsentEvent(long Id, ChannelId Channel, string AddressHash, ConsentRecord Record)
{
    public bool Granted => Record.Action == ConsentAction.Grant;
}
