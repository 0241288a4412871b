using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Conversations.Location;

/// <summary>The branch closest to a point (great-circle distance), among branches with coordinates.</summary>
public static class NearestBranch
{
    private const double EarthRadiusKm = 6371.0;

    public static (Branch Branch, double Km)? Find(IEnumerable<Branch> branches, GeoLocation from) =>
        branches
            .Where(b => b.Latitude is not null && b.Longitude is not null)
            .Select(b => (Branch: b, Km: DistanceKm(from.Latitude, from.Longitude, b.Latitude!.Value, b.Longitude!.Value)))
            .OrderBy(x => x.Km)
            .Cast<(Branch, double)?>()
            .FirstOrDefault();

    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
