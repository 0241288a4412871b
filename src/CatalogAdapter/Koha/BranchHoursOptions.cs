namespace LibraryBot.CatalogAdapter.Koha;

/// <summary>
/// Opening hours from configuration, for library systems whose API gives none: the list under
/// <c>Catalog:Branches</c> (same shape the SIP2 adapter reads), e.g. <c>Catalog:Branches:0:Id=CPL</c>,
/// <c>…:Weekly:0:Day=Monday</c>, <c>…:Opens=09:00</c>, <c>…:Closes=20:00</c>. Koha's <c>library_id</c> is the id.
/// </summary>
public sealed class BranchHoursOptions
{
    public const string SectionName = "Catalog";

    public List<BranchHours> Branches { get; set; } = [];

    /// <summary>The configured entry for a branch id (ignoring case), or null.</summary>
    public BranchHours? Find(string branchId) =>
        Branches.FirstOrDefault(b => string.Equals(b.Id, branchId, StringComparison.OrdinalIgnoreCase));
}
