using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Telemed.Zoom;

/// <summary>
/// The addresses the meetings pages had while Zoom kept meetings itself: they still answer, so bookmarks and links
/// handed out keep working, but links are written to the pages' own addresses.
/// </summary>
internal static class FormerZoomAddresses
{
    public static void AddFormerZoomAddresses(this IServiceCollection services) =>
        services.Configure<RazorPagesOptions>(options =>
        {
            Add(options, "/Meetings/Connections", "zoom/connection");
            Add(options, "/Meetings/Sessions", "zoom/sessions");
            Add(options, "/Meetings/AdminConnections", "admin/zoom/hosts");
            Add(options, "/Meetings/AdminMeetings", "admin/zoom/meetings");
        });

    private static void Add(RazorPagesOptions options, string page, string template) =>
        options.Conventions.AddPageRouteModelConvention(page, model => model.Selectors.Add(new SelectorModel
        {
            AttributeRouteModel = new AttributeRouteModel { Template = template, SuppressLinkGeneration = true },
        }));
}
