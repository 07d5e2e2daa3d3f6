package dev.hygge.functions.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Functions app the Quarkus build writes at {@code package} (run by failsafe after it, with
 * {@code ./mvnw -pl functions-azure verify}): exactly the four functions of the adapter contract,
 * each with the trigger, names and bindings the deployment (deploy/azure) and the host expect, and
 * the {@code host.json} whose timeout and queue settings the adapter relies on.
 */
class PackagedFunctionsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path APP = Path.of(System.getProperty("hygge.azure-functions.dir"));

  private static JsonNode read(Path file) throws IOException {
    assertThat(file).as("run ./mvnw -pl functions-azure verify (after package)").isRegularFile();
    return JSON.readTree(file.toFile());
  }

  private static JsonNode function(String name) throws IOException {
    return read(APP.resolve(name).resolve("function.json"));
  }

  private static JsonNode onlyBinding(JsonNode function) {
    assertThat(function.get("bindings")).hasSize(1);
    return function.get("bindings").get(0);
  }

  @Test
  void theAppHasExactlyTheFourFunctionsOfTheContract() throws IOException {
    try (Stream<Path> entries = Files.list(APP)) {
      assertThat(
              entries
                  .filter(p -> Files.isRegularFile(p.resolve("function.json")))
                  .map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("BlobCreated", "Scheduled", "FanOut", "ManualRun");
    }
  }

  @Test
  void blobCreatedIsAnEventGridTrigger() throws IOException {
    JsonNode function = function("BlobCreated");

    assertThat(function.get("entryPoint").asText())
        .isEqualTo(BlobCreatedFunction.class.getName() + ".run");
    assertThat(JSON.convertValue(onlyBinding(function), Map.class))
        .isEqualTo(Map.of("type", "eventGridTrigger", "direction", "in", "name", "event"));
  }

  @Test
  void scheduledIsATimerOnTheScheduleSettingWithARetryPolicy() throws IOException {
    JsonNode function = function("Scheduled");

    assertThat(function.get("entryPoint").asText())
        .isEqualTo(ScheduledFunction.class.getName() + ".run");
    assertThat(JSON.convertValue(onlyBinding(function), Map.class))
        .isEqualTo(
            Map.of(
                "type",
                "timerTrigger",
                "direction",
                "in",
                "name",
                "timer",
                "schedule",
                "%HYGGE_SCHEDULE%"));
    assertThat(JSON.convertValue(function.get("retry"), Map.class))
        .isEqualTo(
            Map.of(
                "strategy",
                "exponentialBackoff",
                "maxRetryCount",
                3,
                "minimumInterval",
                "00:00:30",
                "maximumInterval",
                "00:05:00"));
  }

  @Test
  void fanOutReadsTheRunsQueueThroughTheHostConnection() throws IOException {
    JsonNode function = function("FanOut");

    assertThat(function.get("entryPoint").asText())
        .isEqualTo(FanOutFunction.class.getName() + ".run");
    assertThat(JSON.convertValue(onlyBinding(function), Map.class))
        .isEqualTo(
            Map.of(
                "type",
                "queueTrigger",
                "direction",
                "in",
                "name",
                "message",
                "queueName",
                "hygge-runs",
                "connection",
                "AzureWebJobsStorage"));
  }

  @Test
  void manualRunIsAnHttpPostWithAFunctionKey() throws IOException {
    JsonNode function = function("ManualRun");

    assertThat(function.get("entryPoint").asText())
        .isEqualTo(ManualRunFunction.class.getName() + ".run");
    JsonNode bindings = function.get("bindings");
    assertThat(bindings).hasSize(2);
    assertThat(JSON.convertValue(bindings.get(0), Map.class))
        .isEqualTo(
            Map.of(
                "type",
                "httpTrigger",
                "direction",
                "in",
                "name",
                "request",
                "methods",
                List.of("POST"),
                "authLevel",
                "FUNCTION"));
    assertThat(JSON.convertValue(bindings.get(1), Map.class))
        .isEqualTo(Map.of("type", "http", "direction", "out", "name", "$return"));
  }

  @Test
  void hostJsonSetsTheTimeoutTheBudgetAssumesAndOneQueueMessageAtATime() throws IOException {
    JsonNode host = read(APP.resolve("host.json"));

    assertThat(host.get("functionTimeout").asText()).isEqualTo(FunctionTimeout.PACKAGED_LIMIT);
    JsonNode queues = host.get("extensions").get("queues");
    assertThat(queues.get("batchSize").asInt()).isEqualTo(1);
    assertThat(queues.get("newBatchThreshold").asInt()).isZero();
    assertThat(queues.get("maxDequeueCount").asInt()).isEqualTo(5);
    assertThat(queues.get("messageEncoding").asText()).isEqualTo("base64");
    assertThat(host.get("extensionBundle").get("version").asText()).isEqualTo("[4.*, 5.0.0)");
  }
}
