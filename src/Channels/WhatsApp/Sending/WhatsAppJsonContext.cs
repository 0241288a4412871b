using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LibraryBot.Channels.WhatsApp.Sending;

/// <summary>Source-generated serialization for the Graph API client's request bodies.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class WhatsAppJsonContext : JsonSerializerContext;
