using System.Text.Json.Nodes;
using Refit;

namespace LibraryBot.Channels.WhatsApp.Sending;

/// <summary>The Cloud API's send endpoint (channels.md A.1). Answers are read raw so Meta's error bodies can be mapped.</summary>
public interface IWhatsAppGraphApi
{
    [Post("/{version}/{phoneNumberId}/messages")]
    Task<HttpResponseMessage> SendAsync(
        string version,
        string phoneNumberId,
        [Body] JsonObject body,
        [Authorize("Bearer")] string accessToken,
        CancellationToken cancellationToken);
}
