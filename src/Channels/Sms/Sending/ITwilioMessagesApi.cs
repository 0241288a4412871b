using Refit;

namespace LibraryBot.Channels.Sms.Sending;

/// <summary>
/// Twilio's Message resource: <c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>, form-encoded, HTTP Basic
/// (AccountSid:AuthToken). Answers are read raw, so Twilio's error JSON (<c>code</c>, <c>message</c>, <c>more_info</c>,
/// <c>status</c>) can be mapped.
/// </summary>
public interface ITwilioMessagesApi
{
    [Post("/2010-04-01/Accounts/{accountSid}/Messages.json")]
    Task<HttpResponseMessage> CreateMessageAsync(
        string accountSid,
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        [Authorize("Basic")] string credentials,
        CancellationToken cancellationToken);
}
