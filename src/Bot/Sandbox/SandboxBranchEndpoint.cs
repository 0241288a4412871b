using LibraryBot.CatalogAdapter;
using Microsoft.AspNetCore.Http;

namespace LibraryBot.Bot.Sandbox;

/// <summary>
/// <c>GET /sandbox/branch</c>: the catalogue's first branch with coordinates (name, latitude, longitude), so the
/// simulator's 📍 button can share a point near the library rather than anywhere on Earth.
/// </summary>
internal static class SandboxBranchEndpoint
{
    public const string Path = "/sandbox/branch";

    public static async Task<IResult> FirstBranchAsync(ICatalogue catalogue, CancellationToken cancellationToken)
    {
        IReadOnlyList<Branch> branches;
        try
        {
            branches = await catalogue.GetBranchesAsync(cancellationToken);
        }
        catch (CatalogueException e)
        {
            return Results.Problem(title: "The library system did not list its branches", detail: $"{e.Kind}: {e.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return branches.FirstOrDefault(b => b.Latitude is not null && b.Longitude is not null) is { } first
            ? Results.Json(new { name = first.Name, latitude = first.Latitude, longitude = first.Longitude })
            : Results.Problem(title: "No branch has coordinates", detail: "The catalogue lists no branch with a latitude and longitude.", statusCode: StatusCodes.Status404NotFound);
    }
}
