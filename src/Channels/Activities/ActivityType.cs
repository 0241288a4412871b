namespace LibraryBot.Channels.Activities;

public enum ActivityType
{
    /// <summary>Free text from the patron.</summary>
    Message,
    /// <summary>The patron picked one of the choices we offered (button, list row, numbered reply).</summary>
    ChoiceReply,
    /// <summary>The patron shared a location.</summary>
    Location,
    /// <summary>The patron sent an image, video, audio, document or sticker.</summary>
    Media,
    /// <summary>A channel event: follow, unfollow, menu click, opt-out, reaction and so on.</summary>
    Event,
    /// <summary>A delivery receipt for a message we sent. Never a turn.</summary>
    DeliveryStatus,
}
