using System.Security.Cryptography;
using System.Text;

namespace ParticipaBot.Bot.Conversations;

/// <summary>
/// How the bot remembers an activity it has seen: the SHA-256 of its id, 64 hex characters. Activity ids are the
/// channel's; they may hold characters a Cosmos DB id may not, or be long, and a remembered id is stored.
/// </summary>
internal static class ActivityFingerprint
{
    public static string Of(string activityId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(activityId)));
}
