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

/** Calls the HTTP function through the Functions Framework invoker that Quarkus starts. */
@QuarkusTest
@TestProfile(SalesProject.Profile.class)
@WithFunction(FunctionType.HTTP)
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
