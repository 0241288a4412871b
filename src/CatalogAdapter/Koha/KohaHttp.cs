using System.Net;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace LibraryBot.CatalogAdapter.Koha;

/// <summary>Turns Koha transport failures and unexpected statuses into <see cref="CatalogueException"/>.</summary>
internal static class KohaHttp
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Runs one call, mapping network failures, timeouts and unreadable answers.</summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        T result;
        try
        {
            result = await call().ConfigureAwait(false);
        }
        catch (Exception e) when (Map(e, cancellationToken) is { } failure)
        {
            throw failure;
        }

        // Refit reports a request that never got an answer as a response carrying ApiRequestException.
        if (result is IApiResponse response && response.HasRequestError(out var requestError))
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw Map(requestError.InnerException ?? requestError, cancellationToken)
                ?? new CatalogueException(CatalogueErrorKind.Unavailable, "Koha cannot be reached.", requestError);
        }

        return result;
    }

    private static CatalogueException? Map(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        CatalogueException failure => failure,
        TimeoutRejectedException or TaskCanceledException => new(CatalogueErrorKind.Timeout, "Koha did not answer in time.", e),
        BrokenCircuitException => new(CatalogueErrorKind.Unavailable, "Koha is failing; calls are paused.", e),
        HttpRequestException => new(CatalogueErrorKind.Unavailable, "Koha cannot be reached.", e),
        JsonException or ApiException => new(CatalogueErrorKind.Protocol, "Koha answered something LibraryBot cannot read.", e),
        ApiRequestException => new(CatalogueErrorKind.Unavailable, "Koha cannot be reached.", e),
        _ => null,
    };

    /// <summary>The body of a 2xx answer, or the failure its status means.</summary>
    public static T Body<T>(IApiResponse<T> response, string operation)
    {
        if (response.IsSuccessful && response.Content is not null)
        {
            return response.Content;
        }

        throw response.IsSuccessStatusCode
            ? new CatalogueException(CatalogueErrorKind.Protocol, $"Koha {operation}: unreadable answer.", response.Error)
            : Failure(response, operation);
    }

    public static CatalogueException Failure(IApiResponse response, string operation)
    {
        var text = ErrorText(response);
        var detail = text is null ? "" : $": {text}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new(CatalogueErrorKind.Unauthorized, $"Koha {operation}: LibraryBot's API credentials were refused (401){detail}"),
            HttpStatusCode.Forbidden => new(CatalogueErrorKind.Unauthorized, $"Koha {operation}: LibraryBot's API user lacks a permission (403){detail}"),
            HttpStatusCode.NotFound => new(CatalogueErrorKind.NotFound, $"Koha {operation}: not found (404){detail}"),
            HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout => new(CatalogueErrorKind.Timeout, $"Koha {operation}: timed out ({(int?)response.StatusCode})"),
            HttpStatusCode.TooManyRequests => new(CatalogueErrorKind.Unavailable, $"Koha {operation}: rate limited (429)"),
            >= HttpStatusCode.InternalServerError => new(CatalogueErrorKind.Unavailable, $"Koha {operation}: server error ({(int?)response.StatusCode})"),
            _ => new(CatalogueErrorKind.Protocol, $"Koha {operation}: unexpected status {(int?)response.StatusCode}{detail}"),
        };
    }

    /// <summary>Koha's <c>error</c> text from a refusal body, if any.</summary>
    public static string? ErrorText(IApiResponse response) => ErrorOf(response)?.Error;

    /// <summary>The refusal code: Koha's <c>error_code</c> (newer versions) or its <c>error</c> text, which holds the code in older ones.</summary>
    public static string? ErrorCode(IApiResponse response) => ErrorOf(response) is { } e ? e.ErrorCode ?? e.Error : null;

    private static KohaError? ErrorOf(IApiResponse response)
    {
        var content = response.HasResponseError(out var error) ? error.Content : null;
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<KohaError>(content, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool TryParseId(string id, out long value) =>
        long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
}
