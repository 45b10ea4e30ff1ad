# The portal as a container: build with the .NET SDK, run on the ASP.NET Core runtime image as
# its non-root `app` user. See docs/operations.md ("Docker"). Build from the repository root,
# giving the policy texts (shared/policies, beside the repository) as a named build context: the
# rules service checks every quote against them and ships them with the portal.
#   docker build --build-context policies=../shared/policies -t employment-portal .
# No HEALTHCHECK here: the runtime image has neither curl nor wget. Probe /health/live and
# /health/ready from the orchestrator (or add a probe tool to the image) instead.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The web build vendors Leaflet with npm (eng/Leaflet.targets, docs/decisions/005-leaflet.md).
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
# What the build reads: central build settings and versions, then the sources.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY eng/ eng/
COPY src/ src/
# The Policies project links ../../../shared/policies/*.txt (from /source/src/EmploymentPortal.Policies).
COPY --from=policies . /shared/policies/
RUN dotnet publish src/EmploymentPortal.Web/EmploymentPortal.Web.csproj \
        -c Release -o /app/publish -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true
COPY --from=build /app/publish ./
# The SQLite database (./data) and the rolling log files (./logs) live under the content root;
# the app user must be able to write there. Volumes mounted on them take this ownership when
# first created. (The data-protection keys are in the database.)
RUN mkdir -p /app/data/audit /app/logs \
    && chmod 700 /app/data/audit \
    && chown -R "$APP_UID" /app/data /app/logs
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "EmploymentPortal.Web.dll"]
