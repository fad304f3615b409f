# Production image: build with Maven on a JDK, run on a JRE. Tests run in `make test`, not here.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY web web
COPY sql sql
RUN mvn -B -ntp -q -DskipTests package

FROM eclipse-temurin:21-jre
# The consultation report's PDF embeds DejaVu (Swedish letters, PDF/UA wants every font embedded).
RUN apt-get update -q && apt-get install -y -q --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 dialogkarta
# Export files (DIALOGKARTA_EXPORT_DIR); a volume mounted here starts with this owner.
RUN install -d -o dialogkarta -g dialogkarta /var/lib/dialogkarta/exports
USER dialogkarta
WORKDIR /app
COPY --from=build /src/target/dialogkarta.jar app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
