using LibraryBot.Bot.Engine;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Conversations;

/// <summary>
/// A follow or scan through a branch's QR code (WeChat <c>qrscene_&lt;branch id&gt;</c>) remembers that branch as the
/// patron's preferred one: holds offer it first when the library system names no home branch.
/// </summary>
public sealed class BranchScene(ICatalogue catalogue)
{
    public const string PreferredBranchKey = "branch.preferred";

    public async Task RememberAsync(ConversationState state, string? scene, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(scene))
        {
            return;
        }

        try
        {
            var branches = await catalogue.GetBranchesAsync(cancellationToken).ConfigureAwait(false);
            var branch = branches.FirstOrDefault(b => string.Equals(b.BranchId, scene.Trim(), StringComparison.OrdinalIgnoreCase));
            if (branch is not null)
            {
                state.Values[PreferredBranchKey] = branch.BranchId;
            }
        }
        catch (CatalogueException)
        {
            // The welcome matters more than the branch: without the library system the scene is simply not used.
        }
    }

    public static string? Preferred(ConversationState state) => state.Values.GetValueOrDefault(PreferredBranchKey);
}
