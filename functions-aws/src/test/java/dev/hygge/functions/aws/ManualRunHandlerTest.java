package dev.hygge.functions.aws;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Invokes the Lambda handler through Quarkus's mock Lambda event server. */
@QuarkusTest
@TestProfile(SalesProject.Profile.class)
class ManualRunHandlerTest {
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
        invoke("{\"flow\": \"sales\", \"entity\": \"orders\"}")
            .statusCode(200)
            .extract()
            .jsonPath();

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
  void unknownFlowIsAClientErrorNamingTheFlow() {
    JsonPath error = invoke("{\"flow\": \"salse\"}").statusCode(500).extract().jsonPath();

    assertThat(error.getString("errorType")).isEqualTo(InvalidRunRequestException.class.getName());
    assertThat(error.getString("errorMessage"))
        .startsWith("No flow named 'salse' in project fn.")
        .contains("sales");
  }

  /** Posts an event to the mock event server, which answers 500 with the error for a failure. */
  private static io.restassured.response.ValidatableResponse invoke(String event) {
    int port =
        ConfigProvider.getConfig()
            .getOptionalValue("quarkus.lambda.mock-event-server.test-port", Integer.class)
            .orElse(8081);
    return given()
        .port(port)
        .contentType("application/json")
        .body(event)
        .when()
        .post("/_lambda_")
        .then();
  }
}
