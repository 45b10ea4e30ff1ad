using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Data.Seeding;
using EmploymentPortal.Web.Api;
using EmploymentPortal.Web.Components;
using EmploymentPortal.Web.Features.Account;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Features.Circles;
using EmploymentPortal.Web.Features.Policies;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Features.Residents.Profile;
using EmploymentPortal.Web.Features.Residents.Ledger;
using EmploymentPortal.Web.Features.Admin;
using EmploymentPortal.Web.Features.Enterprises;
using EmploymentPortal.Web.Features.Hires;
using EmploymentPortal.Web.Features.Indicators;
using EmploymentPortal.Web.Features.JobFairs;
using EmploymentPortal.Web.Features.Training;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.OpenApi;
using EmploymentPortal.Web.Infrastructure.Scheduling;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using EmploymentPortal.Web.Localization;

var command = PortalCommands.Find(args);
var builder = WebApplication.CreateBuilder(args.Where(a => a != command).ToArray());

builder.AddPortalLogging();
builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPortalDataProtection();
builder.Services.AddScoped<DatabaseMigrator>();
builder.Services.AddScoped<DemoDataSeeder>();
builder.Services.AddPortalIdentity(builder.Configuration);
builder.Services.AddPortalCookies();
builder.Services.AddPortalForwardedHeaders(builder.Configuration);
builder.Services.AddAuthorizationBuilder().AddPortalPolicies();
builder.Services.AddPortalLocalization();
builder.Services.AddHttpContextAccessor();
builder.Services.AddPortalValidators();
builder.Services.AddCommandPipeline();
builder.Services.AddAdminFeatures();
builder.Services.AddResidentFeatures();
builder.Services.AddPortalScheduler(builder.Configuration);
builder.Services.AddAuditAnchoring();
builder.Services.AddHireFeatures();
builder.Services.AddPortalRateLimiting(builder.Configuration);
builder.Services.AddPolicyFeatures(builder.Configuration);
builder.Services.AddClaimFeatures(builder.Configuration);
builder.Services.AddLedgerFeatures();
var workFolder = PrivateWorkFolder.From(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(workFolder);
builder.Services.AddCircleFeatures(builder.Configuration);
builder.Services.AddIndicatorFeatures();
builder.Services.AddTrainingFeatures(builder.Configuration);

// Chinese text is written as characters, not &#x...; entities: smaller pages, readable source.
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddPortalMudBlazor();
builder.Services.AddPortalHealthChecks();
builder.Services.AddPortalOpenApi();
builder.Services.AddApiProblems();
builder.AddPortalRequestLimits();
builder.Services.ConfigureHttpJsonOptions(o => ApiInput.Configure(o.SerializerOptions));

var app = builder.Build();

if (command is not null)
{
    return await PortalCommands.RunAsync(app, command);
}

// Load and check the policy catalogue before serving: a broken rule set must stop the start.
_ = app.Services.GetRequiredService<PolicyCatalogueService>();
await PortalCommands.PrepareDatabaseAsync(app);

// Uploads and workbooks are processed in an owner-only folder, emptied of a crashed run's
// leftovers; ASP.NET Core buffers large uploads there too, never in the system temp folder.
workFolder.Prepare();
Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", workFolder.FullPath);


// First: everything after sees the client's address and scheme (only from configured proxies).
app.UsePortalForwardedHeaders();
app.UsePortalRequestLogging();
app.UseApiProblems();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseNoStoreForPersonalData();
app.UseRequestLocalization();
app.UseSameOriginWrites();
app.UseAuthentication();
CurrentUser.UseCurrentUser(app);
app.UseAuthorization();
app.UseAntiforgery();
app.UseRateLimiter();

app.MapStaticAssets().AllowAnonymous();
app.MapCultureSwitch();
app.MapPortalHealthChecks();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapAccountEndpoints();
var api = app.MapGroup("/api/v1").AddEndpointFilterFactory(ApiInput.Filter);
api.MapAuthEndpoints();
api.MapResidentEndpoints();
api.MapResidentProfileEndpoints();
api.MapLedgerEndpoints();
api.MapPolicyEndpoints();
api.MapEnterpriseEndpoints();
api.MapHireEndpoints();
api.MapEntrepreneurshipEndpoints();
api.MapEnterpriseAccountEndpoints();
api.MapPostAndJobFairEndpoints();
api.MapClaimEndpoints();
api.MapCircleEndpoints();
api.MapCircleDashboardEndpoints();
api.MapIndicatorEndpoints();
api.MapReportEndpoints();
api.MapMonitoringEndpoints();
api.MapJobBoardEndpoints();
api.MapTrainingEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>The entry point; public so that WebApplicationFactory can start the portal in tests.</summary>
public partial class Program
{
}
