namespace LibraryBot.Bot.Handoff;

/// <summary>
/// <c>Handoff:SignInThrottle</c>: after this many failed sign-ins for one username, or from one client address, within
/// <c>WindowMinutes</c>, further sign-ins are answered 429 until the oldest failure leaves the window.
/// </summary>
public sealed class SignInThrottleOptions
{
    public int MaxFailuresPerUsername { get; set; } = 5;

    public int MaxFailuresPerAddress { get; set; } = 20;

    public int WindowMinutes { get; set; } = 15;
}
