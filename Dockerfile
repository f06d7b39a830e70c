# Multi-stage build: the SDK image compiles, the smaller ASP.NET runtime image runs.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/SalesSpec.Domain/SalesSpec.Domain.csproj src/SalesSpec.Domain/
COPY src/SalesSpec.Formats/SalesSpec.Formats.csproj src/SalesSpec.Formats/
COPY src/SalesSpec.Web/SalesSpec.Web.csproj src/SalesSpec.Web/
RUN dotnet restore src/SalesSpec.Web/SalesSpec.Web.csproj
COPY src/ src/
RUN dotnet publish src/SalesSpec.Web/SalesSpec.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /app/data /app/logs && chown app:app /app/data /app/logs
USER app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
ENTRYPOINT ["dotnet", "SalesSpec.Web.dll"]
