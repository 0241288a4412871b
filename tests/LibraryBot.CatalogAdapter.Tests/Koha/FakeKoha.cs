using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace LibraryBot.CatalogAdapter.Tests.Koha;

/// <summary>
/// Koha's REST API (the part LibraryBot calls) over recorded Koha JSON from Payloads/, for a Koha we cannot run
/// here. It speaks Koha's wire format (snake_case bodies, <c>X-Total-Count</c>, 201/204/403/404 and Koha's
/// error texts such as "Renewal not authorized (too_many)"), keeps state (renewals and holds change it) and
/// applies Koha's rules LibraryBot relies on: max 3 renewals, no renewal while another patron holds the record,
/// one hold per record per patron. Requests whose JSON bodies carry fields Koha's spec rejects get 400.
/// </summary>
internal sealed class FakeKoha
{
    public const int MaxRenewals = 3;
    private readonly JsonArray _patrons = Load("patrons.json");
    private readonly JsonArray _libraries = Load("libraries.json");
    private readonly JsonArray _biblios = Load("biblios.json");
    private readonly JsonArray _items = Load("items.json");
    private readonly JsonArray _checkouts = Load("checkouts.json");
    private readonly JsonArray _holds = Load("holds.json");
    private readonly JsonObject _passwords = JsonNode.Parse(File.ReadAllText(TestPaths.Payload("Koha", "passwords.json")))!.AsObject();
    private readonly Lock _lock = new();
    private int _nextHoldId = 8000;

    public HttpResponseMessage Handle(HttpRequestMessage request, string? body)
    {
        lock (_lock)
        {
            var path = request.RequestUri!.AbsolutePath;
            var prefix = path.IndexOf("/api/v1/", StringComparison.Ordinal);
            var route = prefix < 0 ? path : path[(prefix + "/api/v1".Length)..];
            var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
            return (request.Method.Method, Segments(route)) switch
            {
                ("POST", ["auth", "password", "validation"]) => Validate(JsonNode.Parse(body ?? "{}")!.AsObject()),
                ("GET", ["patrons"]) when query["_match"] == "exact" =>
                    Page(_patrons.Where(p => string.Equals((string?)p!["cardnumber"], query["cardnumber"], StringComparison.OrdinalIgnoreCase)), query),
                ("GET", ["patrons", var id]) => Found(ById(_patrons, "patron_id", id), "Patron"),
                ("GET", ["checkouts"]) => Page(_checkouts.Where(c => Matches(c, "patron_id", query["patron_id"])), query),
                ("GET", ["checkouts", var id]) => Found(ById(_checkouts, "checkout_id", id), "Checkout"),
                ("GET", ["checkouts", var id, "allows_renewal"]) => AllowsRenewal(id),
                ("POST", ["checkouts", var id, "renewal"]) => Renew(id),
                ("GET", ["items", var id]) => Found(ById(_items, "item_id", id), "Item"),
                ("GET", ["biblios", var id]) => Found(ById(_biblios, "biblio_id", id), "Bibliographic record"),
                ("GET", ["biblios", var id, "pickup_locations"]) when ById(_biblios, "biblio_id", id) is not null =>
                    Page(_libraries.Where(l => (bool)l!["pickup_location"]!), query),
                ("GET", ["holds"]) => Page(_holds.Where(h => Matches(h, "patron_id", query["patron_id"]) && Matches(h, "hold_id", query["hold_id"])), query),
                ("POST", ["holds"]) => AddHold(JsonNode.Parse(body ?? "{}")!.AsObject()),
                ("DELETE", ["holds", var id]) => DeleteHold(id),
                ("GET", ["libraries"]) => Page(_libraries, query),
                _ => Json(HttpStatusCode.NotFound, new JsonObject { ["error"] = "Not found" }),
            };
        }
    }

    private HttpResponseMessage Validate(JsonObject body)
    {
        var identifier = (string?)body["identifier"];
        var patron = _patrons.FirstOrDefault(p => (string?)p!["cardnumber"] == identifier || (string?)p!["userid"] == identifier);
        if (patron is null || identifier is null || (string?)_passwords[identifier] != (string?)body["password"])
        {
            return Json(HttpStatusCode.BadRequest, new JsonObject { ["error"] = "Validation failed" });
        }

        return Json(HttpStatusCode.Created, new JsonObject
        {
            ["cardnumber"] = patron["cardnumber"]!.DeepClone(),
            ["patron_id"] = patron["patron_id"]!.DeepClone(),
            ["userid"] = patron["userid"]!.DeepClone(),
        });
    }

    private HttpResponseMessage AllowsRenewal(string id)
    {
        if (ById(_checkouts, "checkout_id", id) is not { } checkout)
        {
            return Json(HttpStatusCode.NotFound, new JsonObject { ["error"] = "Checkout not found" });
        }

        var error = RenewalError(checkout);
        return Json(HttpStatusCode.OK, new JsonObject
        {
            ["allows_renewal"] = error is null,
            ["max_renewals"] = MaxRenewals,
            ["current_renewals"] = (int)checkout["renewals_count"]!,
            ["unseen_renewals"] = 0,
            ["error"] = error,
        });
    }

    private HttpResponseMessage Renew(string id)
    {
        if (ById(_checkouts, "checkout_id", id) is not { } checkout)
        {
            return Json(HttpStatusCode.NotFound, new JsonObject { ["error"] = "Checkout doesn't exist" });
        }

        if (RenewalError(checkout) is { } error)
        {
            return Json(HttpStatusCode.Forbidden, new JsonObject { ["error"] = $"Renewal not authorized ({error})" });
        }

        var due = DateTimeOffset.Parse((string)checkout["due_date"]!, CultureInfo.InvariantCulture).AddDays(14);
        checkout["due_date"] = due.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        checkout["renewals_count"] = (int)checkout["renewals_count"]! + 1;
        return Json(HttpStatusCode.Created, checkout.DeepClone());
    }

    private string? RenewalError(JsonNode checkout)
    {
        var biblio = (long?)ById(_items, "item_id", checkout["item_id"]?.ToString())?["biblio_id"];
        if (_holds.Any(h => (long)h!["biblio_id"]! == biblio && (long)h["patron_id"]! != (long)checkout["patron_id"]!))
        {
            return "on_reserve";
        }

        return (int)checkout["renewals_count"]! >= MaxRenewals ? "too_many" : null;
    }

    private HttpResponseMessage AddHold(JsonObject body)
    {
        string[] allowed = ["patron_id", "biblio_id", "item_group_id", "hold_date", "item_id", "pickup_library_id", "expiration_date", "notes", "item_type", "non_priority"];
        var unknown = body.Select(p => p.Key).Except(allowed).ToList();
        if (unknown.Count > 0 || body["patron_id"] is null || body["pickup_library_id"] is null)
        {
            return Json(HttpStatusCode.BadRequest, new JsonObject { ["errors"] = new JsonArray($"unknown properties [{string.Join(", ", unknown)}] or a required one missing") });
        }

        var patronId = (long)body["patron_id"]!;
        var biblioId = (long?)body["biblio_id"];
        if (ById(_biblios, "biblio_id", biblioId?.ToString(CultureInfo.InvariantCulture)) is null)
        {
            return Json(HttpStatusCode.NotFound, new JsonObject { ["error"] = "Bibliographic record not found", ["error_code"] = "not_found" });
        }

        if (_holds.Any(h => (long)h!["patron_id"]! == patronId && (long)h["biblio_id"]! == biblioId))
        {
            return Json(HttpStatusCode.Forbidden, new JsonObject { ["error"] = "Hold cannot be placed. Reason: alreadyReserved" });
        }

        var hold = new JsonObject
        {
            ["hold_id"] = _nextHoldId++,
            ["patron_id"] = patronId,
            ["biblio_id"] = biblioId,
            ["pickup_library_id"] = body["pickup_library_id"]!.DeepClone(),
            ["priority"] = _holds.Count(h => (long)h!["biblio_id"]! == biblioId) + 1,
            ["status"] = null,
            ["hold_date"] = "2026-11-20",
            ["expiration_date"] = null,
            ["suspended"] = false,
            ["item_level"] = false,
        };
        _holds.Add(hold);
        return Json(HttpStatusCode.Created, hold.DeepClone());
    }

    private HttpResponseMessage DeleteHold(string id)
    {
        if (ById(_holds, "hold_id", id) is not { } hold)
        {
            return Json(HttpStatusCode.NotFound, new JsonObject { ["error"] = "Hold not found." });
        }

        _holds.Remove(hold);
        return new HttpResponseMessage(HttpStatusCode.NoContent);
    }

    private static HttpResponseMessage Page(IEnumerable<JsonNode?> rows, System.Collections.Specialized.NameValueCollection query)
    {
        var all = rows.ToList();
        var page = int.Parse(query["_page"] ?? "1", CultureInfo.InvariantCulture);
        var perPage = int.Parse(query["_per_page"] ?? "20", CultureInfo.InvariantCulture);
        var response = Json(HttpStatusCode.OK, new JsonArray(all.Skip((page - 1) * perPage).Take(perPage).Select(r => r!.DeepClone()).ToArray()));
        response.Headers.Add("X-Total-Count", all.Count.ToString(CultureInfo.InvariantCulture));
        return response;
    }

    private static HttpResponseMessage Found(JsonNode? row, string what) => row is null
        ? Json(HttpStatusCode.NotFound, new JsonObject { ["error"] = $"{what} not found" })
        : Json(HttpStatusCode.OK, row.DeepClone());

    private static HttpResponseMessage Json(HttpStatusCode status, JsonNode body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    private static JsonNode? ById(JsonArray rows, string key, string? id) =>
        id is not null && long.TryParse(id, CultureInfo.InvariantCulture, out var n) ? rows.FirstOrDefault(r => (long?)r![key] == n) : null;

    private static bool Matches(JsonNode? row, string key, string? value) => value is null || row![key]?.ToString() == value;

    private static string[] Segments(string route) => route.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static JsonArray Load(string name) => JsonNode.Parse(File.ReadAllText(TestPaths.Payload("Koha", name)))!.AsArray();
}
