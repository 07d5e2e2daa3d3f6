package dev.hygge.functions.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.HttpResponseMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls the function bean, as Quarkus builds it for the Azure Functions host, with a {@link
 * HandWrittenHttpRequest}: no Functions host runs here.
 */
@QuarkusTest
@TestProfile(SalesProject.Profile.class)
class ManualRunFunctionTest {
  @Inject ManualRunFunction function;
  @Inject ObjectMapper mapper;

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
    HttpResponseMessage response = run("{\"flow\": \"sales\", \"entity\": \"orders\"}");

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    JsonNode report = mapper.readTree((String) response.getBody());
    assertThat(report.get("runId").asText()).isNotBlank();
    assertThat(report.get("succeeded").asBoolean()).isTrue();
    assertThat(report.get("entities")).hasSize(1);
    JsonNode orders = report.get("entities").get(0);
    assertThat(orders.get("flow").asText()).isEqualTo("sales");
    assertThat(orders.get("entity").asText()).isEqualTo("orders");
    assertThat(orders.get("status").asText()).isEqualTo("SUCCESS");
    assertThat(orders.get("rows").asLong()).isEqualTo(SalesProject.ORDER_ROWS);
    assertThat(orders.get("files").asInt()).isEqualTo(1);
    assertThat(orders.get("error").isNull()).isTrue();
    Path part = project.resolve("lake/orders/part-000001.parquet");
    assertThat(part).isRegularFile();
    assertThat(Files.size(part)).isPositive();
  }

  @Test
  void failedEntityIsReportedWithSuccessStatusCodeSinceARetryWouldFailAlike() throws IOException {
    project = SalesProject.PROJECT.create("id,amount,status\n1,12.50,paid\n2,7.25\n");

    HttpResponseMessage response = run("{\"flow\": \"sales\"}");

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode report = mapper.readTree((String) response.getBody());
    assertThat(report.get("succeeded").asBoolean()).isFalse();
    JsonNode orders = report.get("entities").get(0);
    assertThat(orders.get("status").asText()).isEqualTo("FAILED");
    assertThat(orders.get("rows").asLong()).isZero();
    assertThat(orders.get("errorKind").asText()).isEqualTo("HOME");
    assertThat(orders.get("error").asText()).contains("orders.csv");
    assertThat(project.resolve("lake/orders/part-000001.parquet")).doesNotExist();
  }

  @Test
  void unknownFlowIsABadRequestNamingTheFlow() throws IOException {
    HttpResponseMessage response = run("{\"flow\": \"salse\"}");

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(mapper.readTree((String) response.getBody()).get("error").asText())
        .startsWith("No flow named 'salse' in project fn.")
        .contains("sales");
  }

  @Test
  void malformedBodyIsABadRequestShowingAValidOne() throws IOException {
    HttpResponseMessage response = run("{flow: sales");

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(mapper.readTree((String) response.getBody()).get("error").asText())
        .startsWith("The request body is not a manual run (")
        .endsWith("send JSON like {\"flow\": \"sales\", \"entity\": \"orders\"}.");
  }

  private HttpResponseMessage run(String body) throws IOException {
    return function.run(new HandWrittenHttpRequest(Optional.of(body)));
  }
}
