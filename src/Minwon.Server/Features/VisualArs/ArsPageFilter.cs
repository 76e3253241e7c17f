using Microsoft.AspNetCore.Antiforgery;
using Minwon.Server.Features.VisualArs.Pages;

namespace Minwon.Server.Features.VisualArs;

/// <summary>
/// Every /ars form post is checked against forgery here rather than by the framework (the browser security headers
/// come from Platform/SecurityHeaders, as on every page), so a citizen whose page went stale sees a page in their language instead of a JSON error.
/// </summary>
public sealed class ArsPageFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method) && !await antiforgery.IsRequestValidAsync(http))
        {
            var ui = new ArsUi(ArsCitizenEndpoints.Lang(http));
            return ArsPage.Render(ui, ui.T("title"), [], StatusCodes.Status400BadRequest,
                ArsPart.Of<ArsMessageView>(("Ui", ui),
                    ("Heading", ui.T("expired")),
                    ("Text", ui.T("expiredText")),
                    ("Button", true)));
        }

        return await next(context);
    }
}
