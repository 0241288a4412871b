namespace LibraryBot.CatalogAdapter.Koha;

/// <summary>
/// Settings under <c>Catalog:Branches</c>: opening hours keyed by branch id (Koha's <c>library_id</c>), e.g.
/// <c>Catalog:Branches:CPL:Weekly:0:Day=Monday</c>, <c>…:Opens=09:00</c>, <c>…:Closes=20:00</c>.
/// </summary>
public sealed class BranchHoursOptions() : Dictionary<string, BranchHours>(StringComparer.OrdinalIgnoreCase)
{
    public const string SectionName = "Catalog:Branches";
}
