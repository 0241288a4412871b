namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>The branches under <c>Catalog:Branches</c>, for catalogues that cannot list them (SIP2).</summary>
public sealed class CatalogBranchesOptions
{
    public const string SectionName = "Catalog";

    public List<BranchSettings> Branches { get; set; } = [];
}
