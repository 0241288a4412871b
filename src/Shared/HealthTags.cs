namespace LibraryBot.Shared;

/// <summary>Tags of health checks (compiled into each project that registers checks; linked source).</summary>
internal static class HealthTags
{
    /// <summary>The check decides readiness: <c>/readyz</c> runs it. <c>/healthz</c> (liveness) runs no check.</summary>
    public const string Readiness = "ready";
}
