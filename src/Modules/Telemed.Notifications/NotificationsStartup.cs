using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telemed.Core.Clinic;
using Telemed.Core.Data;
using Telemed.Core.Events;
using Telemed.Core.Jobs;
using Telemed.Core.Messaging;
using Telemed.Core.Modules;
using Telemed.Core.Navigation;
using Telemed.Core.Recipes;
using Telemed.Core.Security;
using Telemed.Core.Workflows;
using Telemed.Liquid;
using Telemed.Notifications.Dashboard;
using Telemed.Notifications.Data;
using Telemed.Notifications.Delivery;
using Telemed.Notifications.Endpoints;
using Telemed.Notifications.Handlers;
using Telemed.Notifications.Recipes;
using Telemed.Notifications.Rendering;
using Telemed.Notifications.Services;
using Telemed.Notifications.Templates;
using Telemed.Notifications.Workflows;

namespace Telemed.Notifications;

/// <summary>Clinic-editable Liquid templates, e-mail over SMTP with ICS invites, SMS, delivery and reminders as jobs, the Outbox.</summary>
public sealed class NotificationsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLiquid(options => options.ParseMode = LiquidParseMode.Strict);
        services.AddOptions<EmailOptions>().BindConfiguration("Email").ValidateOnStart()
            .Validate(o => o.UsesEmbeddedServer || o.Smtp.Port is > 0 and < 65536, "Email:Smtp:Port must be a TCP port.")
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.FromAddress, out _), "Email:FromAddress must be an e-mail address.");
        services.AddOptions<SmsOptions>().BindConfiguration("Sms")
            .Configure(o => o.InboundKey = o.InboundKey.Length > 0 || o.EndpointUrl is { Length: > 0 } ? o.InboundKey : SandboxInboundKey);
        services.AddTenantDbContext<NotificationsDb>();
        services.AddMigrations<NotificationsMigrations>();

        services.AddSingleton<TemplateValidator>();
        services.AddSingleton<MessageRenderer>();
        services.AddScoped<TemplateStore>();
        services.AddScoped<NotificationSettingsStore>();
        services.AddScoped<IAdminAlertSource, UndeliveredMessagesAlert>();
        services.AddSetupSteps<TemplatesSetupStep>();
        services.AddScoped<AppointmentStates>();
        services.AddScoped<MessageContexts>();
        services.AddScoped<NotificationSender>();
        services.AddScoped<ReminderPlanner>();
        services.AddScoped<MeetingTexts>();
        services.AddScoped<IMeetingDetailsTemplates>(provider => provider.GetRequiredService<MeetingTexts>());
        services.AddScoped<IMessageDelivery, MessageDelivery>();

        services.AddSingleton<EmbeddedSmtpServer>();
        services.AddHostedService(provider => provider.GetRequiredService<EmbeddedSmtpServer>());
        services.AddSingleton<SmtpConnections>();
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<SmsSandbox>();
        services.AddHttpClient<ISmsProvider, HttpSmsProvider>(client => client.Timeout = TimeSpan.FromSeconds(15));

        services.AddEventSubscriber<AppointmentChanged, AppointmentNotifier>(AppointmentNotifier.Kind);
        // Messages are sent by the clinic's workflows; meeting-change deliveries queued before they were still arrive.
        services.AddScoped<MeetingNotifier>();
        services.AddSingleton(new JobKind(MeetingNotifier.Kind, typeof(EventDeliveryJob<MeetingChanged, MeetingNotifier>)));
        services.AddWorkflowActivity<SendTemplateActivity>();
        services.AddWorkflowActivity<SendEmailActivity>();
        services.AddWorkflowActivity<SendSmsActivity>();
        services.AddWorkflowActivity<NotifyStaffActivity>();
        services.AddJob<DeliverMessageJob>(DeliverMessageJob.Kind);
        services.AddJob<SendReminderJob>(SendReminderJob.Kind);
        services.AddSingleton<IRecipeStep, TemplatesRecipeStep>();

        services.AddPermissions<NotificationPermissions>();
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AddPageRoute("/Notifications/Messages", "/platform/messages");
            options.Conventions.AddPageRoute("/Notifications/Outbox", "/platform/outbox");
        });
        services.AddAdminMenu(
            new AdminMenuItem("Templates", "/admin/templates", NotificationPermissions.ManageTemplates.Name, 70, Group: AdminMenuGroups.Setup),
            new AdminMenuItem("Outbox", "/admin/outbox", NotificationPermissions.ReadMessages, 86, Group: AdminMenuGroups.Activity),
            new AdminMenuItem("Outbox", "/platform/outbox", NotificationPermissions.ReadMessages, 31, AdminMenuItem.Platform));
    }

    /// <summary>The inbound key of the SMS sandbox (demo value; a real provider's key is configured as <c>Sms:InboundKey</c>).</summary>
    public const string SandboxInboundKey = "sandbox-sms-inbound";

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var sms = endpoints.ServiceProvider.GetRequiredService<IOptions<SmsOptions>>().Value;
        SmsEndpoints.Map(endpoints, sandbox: string.IsNullOrEmpty(sms.EndpointUrl));
    }
}
