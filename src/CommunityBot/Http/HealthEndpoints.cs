using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CommunityBot.Http;

/// <summary><c>GET /healthz</c> (the process serves requests) and <c>GET /readyz</c> (it can do its work: see <see cref="ReadinessProbe"/>).</summary>
internal sealed class HealthEndpoints(ReadinessProbe probe)
{
    public const string HealthPath = "/healthz";
    public const string ReadyPath = "/readyz";
    private const string Ready = "ready";
    private const string NotReady = "not ready";

    public static Task HealthAsync(HttpContext context)
    {
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync("ok\n", context.RequestAborted);
    }

    public async Task ReadyAsync(HttpContext context)
    {
        var problems = await probe.NotReadyAsync(context.RequestAborted);
        context.Response.StatusCode = problems.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new JsonReadiness(problems.Count == 0 ? Ready : NotReady, problems),
            HttpJsonContext.Default.JsonReadiness, context.RequestAborted);
    }
}
