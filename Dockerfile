# Build: docker build -t ead-tutors .   (or docker compose up --build)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -q -DskipTests package && cp target/ead-tutors-*.jar /app.jar

# docker-compose's simulated Moodle: development tooling (src/dev), built with the tests and never in the product's
# image. Its classes and what they need at run time: WireMock and Jackson.
FROM build AS simulated-moodle-build
RUN ./mvnw -B -ntp -q dependency:copy-dependencies -DincludeScope=test \
      -DincludeGroupIds=org.wiremock,tools.jackson.core,com.fasterxml.jackson.core -DoutputDirectory=/moodle/lib \
    && mkdir -p /moodle/classes/be/fwb/ead && cp -r target/test-classes/be/fwb/ead/moodlesim /moodle/classes/be/fwb/ead/

FROM eclipse-temurin:17-jre AS simulated-moodle
RUN useradd --system --uid 10001 ead
USER ead
COPY --from=simulated-moodle-build /moodle /app
EXPOSE 8089
# [port] [scale] [latency-ms] [bind-address]
ENTRYPOINT ["java", "-cp", "/app/classes:/app/lib/*", "be.fwb.ead.moodlesim.SimulatedMoodleMain"]
CMD ["8089", "1", "0", "0.0.0.0"]

# The product (the default target).
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 ead
USER ead
COPY --from=build /app.jar /app/ead-tutors.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/ead-tutors.jar"]
