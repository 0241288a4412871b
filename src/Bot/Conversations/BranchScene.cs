using LibraryBot.CatalogAdapter;
using LibraryBot.Bot.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Conversations;

/// <summary>
/// A follow or scan through a branch's QR code (WeChat <c>qrscene_&lt;branch id&gt;</c>) remembers that branch as the
/// patron's preferred one: holds offer it first when the library system names no home branch.
/// </summary>
public static class BranchScene
{
    public const string PreferredBranchKey = "branch.preferred";

    public static async Task RememberAsync(TurnContext context, string? scene, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(scene))
        {
            return;
        }

        try
        {
            var branches = await context.Services.GetRequiredService<ICatalogue>().GetBranchesAsync(cancellationToken).ConfigureAwait(false);
            var branch = branches.FirstOrDefault(b => string.Equals(b.BranchId, scene.Trim(), StringComparison.OrdinalIgnoreCase));
            if (branch is not null)
            {
                context.State.Values[PreferredBranchKey] = branch.BranchId;
            }
        }
        catch (CatalogueException)
        {
            // The welcome matters more than the branch: without the library system the scene is simply not used.
        }
    }

    public static string? Preferred(ConversationState state) => state.Values.GetValueOrDefault(PreferredBranchKey);
}
