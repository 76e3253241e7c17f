using Microsoft.AspNetCore.Antiforgery;

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
            var h = new ArsHtml(ArsCitizenEndpoints.Lang(http));
            var ko = h.Language != "en";
            h.Raw($"<h1>{(ko ? "페이지가 만료되었습니다" : "This page has expired")}</h1>")
                .Raw($"<p>{(ko ? "보안을 위해 입력을 받지 않았습니다. 메뉴에서 다시 시작해 주세요." : "For your security nothing was submitted. Please start again from the menu.")}</p>")
                .Raw($"<p><a class=\"button primary\" href=\"{ArsHtml.E(h.U("/ars"))}\">{ArsHtml.E(h.T("openMenu"))}</a></p>");
            return ArsHtml.Result(h.Page(h.T("title"), [], h.U("/ars")), StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }
}
