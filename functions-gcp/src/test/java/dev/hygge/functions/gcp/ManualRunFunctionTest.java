package dev.hygge.functions.gcp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.google.cloud.functions.test.FunctionType;
import io.quarkus.google.cloud.functions.test.WithFunction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls the HTTP function {@code manual} through the Functions Framework invoker that Quarkus
 * starts; the run goes through core's event runner like every event.
 */
@QuarkusTest
@TestProfile(SalesProject.Profile.class)
@WithFunction(value = FunctionType.HTTP, functionName = ManualRunFunction.NAME)
class ManualRunFunctionTest {
  private Path project;

  @BeforeEach
  void createProject() throws IOException {
    project = SalesProject.PROJECT.create();
  }

  @AfterAll
  static void deleteProject() throws IOException {
    SalesProject.PROJECT.delete();
  }

  @Test
  void manualRunLoadsTheEntityAndReportsIt() throws IOException {
    JsonPath report =
        post("{\"flow\": \"sales\", \"entity\": \"orders\"}").statusCode(200).extract().jsonPath();

    assertThat(report.getString("runId")).isNotBlank();
    assertThat(report.getBoolean("succeeded")).isTrue();
    List<Map<String, Object>> entities = report.getList("entities");
    assertThat(entities).hasSize(1);
    assertThat(entities.get(0))
        .containsEntry("flow", "sales")
        .containsEntry("entity", "orders")
        .containsEntry("status", "SUCCESS")
        .containsEntry("rows", SalesProject.ORDER_ROWS)
        .containsEntry("files", 1)
        .containsEntry("error", null);
    Path part = project.resolve("lake/orders/part-000001.parquet");
    assertThat(part).isRegularFile();
    assertThat(Files.size(part)).isPositive();
  }

  @Test
  void aFailedEntityIsStillAReportNamingTheBadRow() throws IOException {
    project = SalesProject.PROJECT.create("id,amount,status\n1,12.50\n");

    JsonPath report =
        post("{\"flow\": \"sales\", \"entity\": \"orders\"}").statusCode(200).extract().jsonPath();

    assertThat(report.getBoolean("succeeded")).isFalse();
    assertThat(report.getString("entities[0].status")).isEqualTo("FAILED");
    assertThat(report.getString("entities[0].error"))
        .contains("line 2: has 2 fields but 3 are expected");
    assertThat(report.getBoolean("entities[0].retryable")).isFalse();
    assertThat(project.resolve("lake/orders")).doesNotExist();
  }

  @Test
  void anEntityHeldByAnotherRunIsReportedAsRetryable() throws IOException {
    Path state = project.resolve(".hygge/state/sales/orders.json");
    Files.createDirectories(state.getParent());
    java.time.Instant now = java.time.Instant.now();
    Files.writeString(
        state,
        """
        {"format": 1, "flow": "sales", "entity": "orders", "version": 1,
         "lease": {"run_id": "run-elsewhere", "acquired": "%s", "expires": "%s"},
         "objects": []}
        """
            .formatted(now, now.plusSeconds(600)));
    Files.writeString(
        project.resolve("hygge.yml"),
        Files.readString(project.resolve("hygge.yml"))
            .replace("entities:", "run_type: incremental\n    entities:"));

    JsonPath report =
        post("{\"flow\": \"sales\", \"entity\": \"orders\"}").statusCode(200).extract().jsonPath();

    assertThat(report.getString("entities[0].status")).isEqualTo("FAILED");
    assertThat(report.getString("entities[0].error"))
        .startsWith("Entity sales.orders is already being run by run run-elsewhere");
    assertThat(report.getBoolean("entities[0].retryable")).isTrue();
  }

  @Test
  void unknownFlowIsABadRequestNamingTheFlow() {
    String error = post("{\"flow\": \"salse\"}").statusCode(400).extract().path("error");

    assertThat(error).startsWith("No flow named 'salse' in project fn.").contains("sales");
  }

  @Test
  void bodyWithoutFlowIsABadRequestShowingAValidOne() {
    String error = post("{\"entity\": \"orders\"}").statusCode(400).extract().path("error");

    assertThat(error).startsWith("A manual run needs a flow: send {\"flow\": \"sales\"");
  }

  private static ValidatableResponse post(String body) {
    return given().contentType("application/json").body(body).when().post().then();
  }
}
