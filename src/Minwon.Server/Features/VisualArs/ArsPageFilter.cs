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
            return ArsPage.Render(ui, ui.T("title"), [], ui.U("/ars"), StatusCodes.Status400BadRequest,
                ArsPart.Of<ArsMessageView>(("Ui", ui),
                    ("Heading", ui.English ? "This page has expired" : "페이지가 만료되었습니다"),
                    ("Text", ui.English ? "For your security nothing was submitted. Please start again from the menu." : "보안을 위해 입력을 받지 않았습니다. 메뉴에서 다시 시작해 주세요."),
                    ("Button", true)));
        }

        return await next(context);
    }
}
