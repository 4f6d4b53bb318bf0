using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace OmaDm.Server.WebConsole;

/// <summary>
/// Wires the web console into the server: <see cref="AddOmaDmConsole"/> on the services,
/// <see cref="MapConsole"/> on the app. Pages live under <see cref="ConsoleOptions.PathPrefix"/>;
/// every page except the login needs the console cookie, every form carries an antiforgery token.
/// </summary>
public static class ConsoleEndpoints
{
    /// <summary>Authentication scheme of the console cookie (separate from the admin API's token scheme).</summary>
    public const string Scheme = "OmaDm.Console";

    /// <summary>Authorization policy every console page but the login uses.</summary>
    public const string Policy = "OmaDm.Console";

    private const string P = ConsoleOptions.PathPrefix;
    private const string TokenField = "__RequestVerificationToken";

    // Slows password guessing down without an account lock-out an attacker could trigger.
    private static readonly TimeSpan FailedLoginDelay = TimeSpan.FromMilliseconds(400);

    /// <summary>Registers the console's authentication, antiforgery and options.</summary>
    public static IServiceCollection AddOmaDmConsole(this IServiceCollection services, Action<ConsoleOptions>? configure = null)
    {
        OptionsBuilder<ConsoleOptions> options = services.AddOptions<ConsoleOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.AddAntiforgery(o =>
        {
            o.FormFieldName = TokenField;
            o.Cookie.Name = "omadm.console.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "omadm.console";
            o.Cookie.Path = P;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = P + "/login";
            o.LogoutPath = P + "/logout";
            o.ReturnUrlParameter = "returnUrl";
            o.SlidingExpiration = true;
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme)
            .Configure<IOptions<ConsoleOptions>>((cookie, console) => cookie.ExpireTimeSpan = console.Value.SessionLifetime);
        services.AddAuthorization(o => o.AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()));
        return services;
    }

    /// <summary>Maps every console page. Needs <see cref="AddOmaDmConsole"/> and an <see cref="IConsoleBackend"/> service.</summary>
    public static RouteGroupBuilder MapConsole(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder open = app.MapGroup(P);
        open.AddEndpointFilter(SecurityHeaders);
        open.MapGet("/console.css", () => Results.Text(ConsoleHtml.Css, "text/css; charset=utf-8"));
        open.MapGet("/login", LoginPage);
        open.MapPost("/login", LoginSubmit).DisableAntiforgery();

        RouteGroupBuilder pages = app.MapGroup(P).RequireAuthorization(Policy);
        pages.AddEndpointFilter(SecurityHeaders);
        pages.MapGet("", () => Results.Redirect(P + "/devices"));
        pages.MapPost("/logout", Logout).DisableAntiforgery();
        pages.MapGet("/devices", DevicesPage);
        pages.MapGet("/devices/{devId}", DevicePage);
        pages.MapPost("/devices/{devId}/commands", QueueCommand).DisableAntiforgery();
        pages.MapGet("/firmware", FirmwarePage);
        pages.MapPost("/firmware", FirmwareUpload).DisableAntiforgery();
        pages.MapGet("/campaigns", CampaignsPage);
        pages.MapPost("/campaigns", CampaignStart).DisableAntiforgery();
        pages.MapGet("/campaigns/{id}", CampaignPage);
        pages.MapPost("/campaigns/{id}/{action}", CampaignAction).DisableAntiforgery();
        return pages;
    }

    private static async ValueTask<object?> SecurityHeaders(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        IHeaderDictionary h = context.HttpContext.Response.Headers;
        h["Content-Security-Policy"] = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        h["X-Content-Type-Options"] = "nosniff";
        h["Referrer-Policy"] = "no-referrer";
        h["Cache-Control"] = "no-cache, no-store";
        h["Pragma"] = "no-cache";
        return await next(context);
    }

    // Antiforgery is checked explicitly in each POST (the forms are read by hand), so the
    // endpoints opt out of the automatic check and never skip the explicit one.
    private static async Task<bool> ValidCsrfAsync(HttpContext context, IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static string Page(HttpContext context, IAntiforgery antiforgery, string title, string body, int refresh = 0, string? error = null) =>
        ConsoleHtml.Page(title, body, loggedIn: true, antiforgery.GetAndStoreTokens(context).RequestToken, TokenField, refresh, error);

    private static bool PasswordEnabled(ConsoleOptions options) =>
        options.Password is { Length: >= ConsoleOptions.MinPasswordChars };

    private static string SafeReturnUrl(string? url) =>
        url is not null && url.StartsWith(P + "/", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.Contains('\\') && !url.Contains("/login", StringComparison.Ordinal)
            ? url : P + "/devices";

    private static IResult LoginPage(HttpContext context, IAntiforgery antiforgery, IOptions<ConsoleOptions> options, string? returnUrl)
    {
        string token = antiforgery.GetAndStoreTokens(context).RequestToken ?? string.Empty;
        string body = ConsolePages.Login(TokenField, token, SafeReturnUrl(returnUrl), PasswordEnabled(options.Value));
        return Html(ConsoleHtml.Page("Log in", body, loggedIn: false, null, TokenField));
    }

    private static async Task<IResult> LoginSubmit(HttpContext context, IAntiforgery antiforgery, IOptions<ConsoleOptions> options)
    {
        if (!context.Request.HasFormContentType || !await ValidCsrfAsync(context, antiforgery))
        {
            return Results.BadRequest("invalid form");
        }
        IFormCollection form = await context.Request.ReadFormAsync(context.RequestAborted);
        string returnUrl = SafeReturnUrl(form["returnUrl"]);
        ConsoleOptions o = options.Value;
        if (!PasswordEnabled(o) || !PasswordMatches(form["password"].ToString(), o.Password!))
        {
            await Task.Delay(FailedLoginDelay, context.RequestAborted);
            string token = antiforgery.GetAndStoreTokens(context).RequestToken ?? string.Empty;
            string body = ConsolePages.Login(TokenField, token, returnUrl, PasswordEnabled(o));
            return Html(ConsoleHtml.Page("Log in", body, loggedIn: false, null, TokenField, error: "Wrong password."), StatusCodes.Status401Unauthorized);
        }
        var identity = new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, "admin") }, Scheme);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl);
    }

    private static bool PasswordMatches(string given, string expected)
    {
        // Hashing first makes the comparison length-independent as well as constant-time.
        byte[] a = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        byte[] b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    private static async Task<IResult> Logout(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await ValidCsrfAsync(context, antiforgery))
        {
            return Results.BadRequest("invalid form");
        }
        await context.SignOutAsync(Scheme);
        return Results.Redirect(P + "/login");
    }

    private static async Task<IResult> DevicesPage(HttpContext context, IAntiforgery antiforgery, IConsoleBackend backend, IOptions<ConsoleOptions> options)
    {
        IReadOnlyList<ConsoleDevice> devices = await backend.ListDevicesAsync(context.RequestAborted);
        return Html(Page(context, antiforgery, "Devices", ConsolePages.Devices(devices), options.Value.RefreshSeconds));
    }

    private static async Task<IResult> DevicePage(string devId, HttpContext context, IAntiforgery antiforgery, IConsoleBackend backend, IOptions<ConsoleOptions> options)
    {
        ConsoleDeviceDetail? detail = await backend.GetDeviceAsync(devId, context.RequestAborted);
        if (detail is null)
        {
            return Html(Page(context, antiforgery, "Unknown device", "<p><a href=\"" + P + "/devices\">Back to the devices</a></p>"), StatusCodes.Status404NotFound);
        }
        string token = antiforgery.GetAndStoreTokens(context).RequestToken ?? string.Empty;
        return Html(Page(context, antiforgery, "Device " + devId, ConsolePages.Device(detail, TokenField, token)));
    }

    private static async Task<IResult> QueueCommand(string devId, HttpContext context, IAntiforgery antiforgery, IConsoleBackend backend)
    {
        if (!context.Request.HasFormContentType || !await ValidCsrfAsync(context, antiforgery))
        {
            return Results.BadRequest("invalid form");
        }
        IFormCollection form = await context.Request.ReadFormAsync(context.RequestAborted);
        var command = new List<string> { form["command"].ToString() };
        string[] args = { form["arg1"].ToString(), form["arg2"].ToString(), form["arg3"].ToString() };
        int last = Array.FindLastIndex(args, a => a.Length > 0); // trailing empty fields are not arguments
        for (int i = 0; i <= last; i++)
        {
            command.Add(args[i]);
        }
        ConsoleActionResult result = await backend.QueueCommandAsync(devId, command, context.RequestAborted);
        if (result.Ok)
        {
            return Results.Redirect(P + "/devices/" + Uri.EscapeDataString(devId));
        }
        ConsoleDeviceDetail? detail = await backend.GetDeviceAsync(devId, context.RequestAborted);
        if (detail is null)
        {
            return Results.NotFound();
        }
        string token = antiforgery.GetAndStoreTokens(context).RequestToken ?? string.Empty;
        return Html(Page(context, antiforgery, "Device " + devId, ConsolePages.Device(detail, TokenField, token), error: result.Message),
            StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> FirmwarePage(HttpContext context, IAntiforgery antiforgery, IConsoleBackend backend)
    {
        IReadOnlyList<ConsoleImage> images = await backend.ListImagesAsync(context.RequestAborted);
        string token = antiforgery.GetAndStoreTokens(context).RequestToken ?? string.Empty;
        return Html(Page(context, antiforgery, "Firmware images", ConsolePages.Firmware(images, TokenField, token)));
    }

    private static async Task<IResult> FirmwareUpload(HttpContext context, IAntiforgery antiforgery, IConsoleBackend backend)
    {
        IHttpMaxRequestBodySizeFeature? limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false })
        {
            limit.MaxRequestBodySize = ConsoleOptions.MaxUploadBytes + 64 * 1024; // the image plus the form around it
        }
        if (!context.Request.HasFormContentType || !await ValidCsrfAsync(context, antiforgery))
        {
            return Results.BadRequest("invalid form");
        }
        string? error;
        try
        {
            IFormCollection form = await context.Request.ReadFormAsync(context.RequestAborted);
            IFormFile? file = form.Files.GetFile("image");
            string? version = form["version"].ToString().Trim();
            if (file is null || file.Length == 0)
            {
                error = "Choose an image file.";
            }
            else if (file.Length > ConsoleOptions.MaxUploadBytes)
            {
                error = "The image is too large.";
            }
            else
            {
                await using Stream content = file.OpenReadStream();
                ConsoleActionResult result = await backend.UploadImageAsync(Path.GetFileName(file.FileName), content,
                    string.IsNullOrEmpty(version) ? null : version, context.RequestAborted);
                if (result.Ok)
                {
                    return Results.Redirect(P + "/firmware");
                }
                error = result.Message;
            }
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            error = "The upload could not be read (too large or malformed).";
        }
        IReadOnlyList<ConsoleImage> images = await backend.ListImagesAsync(context.RequestAborted);
        string token = antiforgery.GetAndStoreTokens(context).RequestToken ?? string.Empty;
        return Html(Page(context, antiforgery, "Firmware images", ConsolePages.Firmware(images, TokenField, token), error: error),
            StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> CampaignsPage(HttpContext context, IAntiforgery antiforgery, IConsoleBackend backend, IOptions<ConsoleOptions> options)
    {
        IReadOnlyList<ConsoleCampaign> campaigns = await backend.ListCampaignsAsync(context.RequestAborted);
        IReadOnlyList<ConsoleImage> images = await backend.ListImagesAsync(context.RequestAborted);
        string token = antiforgery.GetAndStoreTokens(context).RequestToken ?? string.Empty;
        bool live = campaigns.Any(c => c.State is "running" or "started" or "pending");
        return Html(Page(context, antiforgery, "Campaigns", ConsolePages.Campaigns(campaigns, images, TokenField, token),
            live ? options.Value.RefreshSeconds : 0));
    }

    private static async Task<IResult> CampaignStart(HttpContext context, IAntiforgery antiforgery, IConsoleBackend backend)
    {
        if (!context.Request.HasFormContentType || !await ValidCsrfAsync(context, antiforgery))
        {
            return Results.BadRequest("invalid form");
        }
        IFormCollection form = await context.Request.ReadFormAsync(context.RequestAborted);
        string name = form["name"].ToString().Trim();
        string imageId = form["imageId"].ToString();
        string group = form["group"].ToString().Trim();
        string? error = null;
        if (name.Length is 0 or > 80)
        {
            error = "Give the campaign a name of 1 to 80 characters.";
        }
        else if (!int.TryParse(form["waveSize"], out int wave) || wave < 0 || wave > 100_000)
        {
            error = "Wave size must be a number from 0 to 100000.";
        }
        else if (!int.TryParse(form["failureThreshold"], out int threshold) || threshold < 0 || threshold > 100)
        {
            error = "The failure threshold must be a percentage from 0 to 100.";
        }
        else if (group.Length > 64)
        {
            error = "The group name is too long.";
        }
        else
        {
            ConsoleActionResult result = await backend.StartCampaignAsync(
                new ConsoleCampaignRequest(name, imageId, group.Length == 0 ? null : group, wave, threshold), context.RequestAborted);
            if (result.Ok && result.Id is not null)
            {
                return Results.Redirect(P + "/campaigns/" + Uri.EscapeDataString(result.Id));
            }
            error = result.Message;
        }
        IReadOnlyList<ConsoleCampaign> campaigns = await backend.ListCampaignsAsync(context.RequestAborted);
        IReadOnlyList<ConsoleImage> images = await backend.ListImagesAsync(context.RequestAborted);
        string token = antiforgery.GetAndStoreTokens(context).RequestToken ?? string.Empty;
        return Html(Page(context, antiforgery, "Campaigns", ConsolePages.Campaigns(campaigns, images, TokenField, token), error: error),
            StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> CampaignPage(string id, HttpContext context, IAntiforgery antiforgery, IConsoleBackend backend, IOptions<ConsoleOptions> options)
    {
        ConsoleCampaignDetail? detail = await backend.GetCampaignAsync(id, context.RequestAborted);
        if (detail is null)
        {
            return Html(Page(context, antiforgery, "Unknown campaign", "<p><a href=\"" + P + "/campaigns\">Back to the campaigns</a></p>"), StatusCodes.Status404NotFound);
        }
        string token = antiforgery.GetAndStoreTokens(context).RequestToken ?? string.Empty;
        bool live = detail.Campaign.State is "running" or "started" or "pending";
        return Html(Page(context, antiforgery, "Campaign " + detail.Campaign.Name, ConsolePages.Campaign(detail, TokenField, token),
            live ? options.Value.RefreshSeconds : 0));
    }

    private static async Task<IResult> CampaignAction(string id, string action, HttpContext context, IAntiforgery antiforgery, IConsoleBackend backend)
    {
        if (!await ValidCsrfAsync(context, antiforgery))
        {
            return Results.BadRequest("invalid form");
        }
        ConsoleCampaignAction? what = action switch
        {
            "pause" => ConsoleCampaignAction.Pause,
            "resume" => ConsoleCampaignAction.Resume,
            "retry" => ConsoleCampaignAction.Retry,
            "cancel" => ConsoleCampaignAction.Cancel,
            _ => null,
        };
        if (what is null)
        {
            return Results.NotFound();
        }
        ConsoleActionResult result = await backend.CampaignActionAsync(id, what.Value, context.RequestAborted);
        if (result.Ok)
        {
            return Results.Redirect(P + "/campaigns/" + Uri.EscapeDataString(id));
        }
        ConsoleCampaignDetail? detail = await backend.GetCampaignAsync(id, context.RequestAborted);
        if (detail is null)
        {
            return Results.NotFound();
        }
        string token = antiforgery.GetAndStoreTokens(context).RequestToken ?? string.Empty;
        return Html(Page(context, antiforgery, "Campaign " + detail.Campaign.Name, ConsolePages.Campaign(detail, TokenField, token), error: result.Message),
            StatusCodes.Status409Conflict);
    }
}
