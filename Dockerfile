# Build: docker build -t ead-tutors .   (or docker compose up --build)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -q -DskipTests package && cp target/ead-tutors-*.jar /app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 ead
USER ead
COPY --from=build /app.jar /app/ead-tutors.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/ead-tutors.jar"]
