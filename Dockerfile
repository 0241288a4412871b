# syntax=docker/dockerfile:1
# LibraryBot in a container (docs/operations.md, "Docker"). Not built in this repository's CI: the machines it was
# written on have no Docker engine.
#   docker build -t librarybot .
#   docker run -d --name librarybot -p 127.0.0.1:5080:8080 -v librarybot-data:/data --env-file librarybot.env librarybot

# Build: the same self-contained publish as scripts/publish.sh (the intent classifier is trained during the build).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN scripts/publish.sh /app

# Run: runtime-deps has what a self-contained .NET app needs (ICU for the four languages, tzdata for the library's
# time zone, CA certificates) and a non-root user "app"; it sets ASPNETCORE_HTTP_PORTS=8080.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir /data && chown $APP_UID:$APP_UID /data
ENV Storage__Sqlite__Path=/data/librarybot.db \
    Catalog__Embedded__Path=/data/demo-library.db \
    HOME=/data \
    Logging__Console__FormatterName=json
VOLUME /data
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["/app/LibraryBot.Bot"]
