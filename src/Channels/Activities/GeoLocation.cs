namespace LibraryBot.Channels.Activities;

public sealed record GeoLocation(double Latitude, double Longitude, string? Name = null, string? Address = null);
