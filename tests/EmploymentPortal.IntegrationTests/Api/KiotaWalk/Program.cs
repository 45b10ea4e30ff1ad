// The walk a program of another system makes through a client Kiota generated from the portal's
// OpenAPI document (OpenApiKiotaClientTests builds it beside the generated code): sign in as
// station staff and register a resident, sign in as the enterprise and record the resident's
// hire, then claim the absorption subsidy from that hire. Prints what it created, one
// "name=value" a line; an error answer is a typed ProblemDetails exception with its code.
using System.Net;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Portal.Client;
using Portal.Client.Models;

var baseUrl = args[0];
var password = args[1];
var idNumber = args[2];
var name = args[3];
var hiredOn = DateTimeOffset.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);

var station = Connect(baseUrl);
await station.Api.V1.Auth.Login.PostAsync(new AuthEndpointsLoginRequest { UserName = "station1", Password = password });
var me = await station.Api.V1.Auth.Me.GetAsync() ?? throw new InvalidOperationException("no user");
var resident = await station.Api.V1.Residents.PostAsync(new RegisterResidentCommand
{
    Name = name,
    IdNumber = idNumber,
    Phone = "13800138000",
    CommunityId = me.CommunityIds![0],
});
Console.WriteLine($"resident={resident!.Id}");

var enterprise = Connect(baseUrl);
await enterprise.Api.V1.Auth.Login.PostAsync(new AuthEndpointsLoginRequest { UserName = "enterprise1", Password = password });
var terms = new RecordHireCommand
{
    IdNumber = idNumber,
    Name = name,
    Position = "仓库管理员",
    StartDate = hiredOn,
    ContractType = ContractType.FixedTerm,
    ContractStart = hiredOn,
    ContractEnd = hiredOn.AddYears(1).AddDays(-1),
    SocialInsurancePaid = false,
};
var hire = await enterprise.Api.V1.Hires.PostAsync(terms);
Console.WriteLine($"hire={hire!.Id}");

var claim = await enterprise.Api.V1.Claims.PostAsync(new CreateClaimCommand
{
    Benefit = "absorption",
    HireId = hire.Id,
    PayeeAccount = "6222020200776655",
    Submit = false,
});
Console.WriteLine($"claim={claim!.Id}");
// Money comes as the documented string of yuan ("1000.00"), a string in the generated model.
Console.WriteLine($"amount={claim.Amount}");

try
{
    await enterprise.Api.V1.Hires.PostAsync(terms);
    Console.WriteLine("duplicate=accepted");
}
catch (ProblemDetails problem)
{
    Console.WriteLine($"duplicate={problem.ResponseStatusCode} {problem.Code}");
}

// One cookie jar per signed-in user; every request carries the portal's own Origin, which
// cookie-authenticated writes need (docs/security.md, section 5).
static PortalClient Connect(string baseUrl)
{
    var handler = new OriginHandler(new Uri(baseUrl).GetLeftPart(UriPartial.Authority))
    {
        InnerHandler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true },
    };
    var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: new HttpClient(handler)) { BaseUrl = baseUrl };
    return new PortalClient(adapter);
}

internal sealed class OriginHandler(string origin) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("Origin", origin);
        return base.SendAsync(request, cancellationToken);
    }
}
