using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Notices;
using LibraryBot.Bot.Understanding;

namespace LibraryBot.Bot.Conversations.Sms;

/// <summary>
/// Asks for a mobile number to text: any message with a phone-like run of digits in it is an attempt ("it's (415)
/// 555-0100"), refused with a clear complaint when libphonenumber does not take it for a valid number of the library's
/// region (or with its country code); a message without one (another request) is not an answer.
/// </summary>
public sealed class PhonePrompt(string id, SmsFallbackRoute route)
    : Prompt<string>(id, (typed, context) => route.TryNormalize(typed, context.Activity.Conversation, out var _) ? null : Say.Text("Sms.BadNumber"))
{
    protected override PromptRecognition<string> Recognize(TurnContext context, PromptOptions options) =>
        (context.Interpretation.Entities.PhoneNumber ?? PhoneFinder.In(context.Activity.Text)) is { } typed
            ? PromptRecognition<string>.Ok(typed)
            : PromptRecognition<string>.NotRecognized;
}
