namespace LibraryBot.CatalogAdapter.ConfiguredBranches;

/// <summary>
/// The branches under <c>Catalog:Branches</c>, for library systems that cannot list them (SIP2) or give no opening
/// hours (Koha: there only <c>Id</c>, <c>TimeZone</c>, <c>Weekly</c> and <c>Exceptions</c> are read).
/// </summary>
public sealed class CatalogBranchesOptions
{
    public const string SectionName = "Catalog";

    public List<BranchSettings> Branches { get; set; } = [];

    /// <summary>The configured entry for a branch id (ignoring case), or null.</summary>
    public BranchSettings? Find(string branchId) =>
        Branches.FirstOrDefault(b => string.Equals(b.Id, branchId, StringComparison.OrdinalIgnoreCase));
}
