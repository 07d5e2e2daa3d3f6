package dev.hygge.functions.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hygge.testing.SalesProject;
import io.quarkus.google.cloud.functions.test.FunctionType;
import io.quarkus.google.cloud.functions.test.WithFunction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Posts recorded Eventarc CloudEvents to the {@code events} function through the Functions
 * Framework invoker that Quarkus starts; the landing bucket is fake-gcs-server on loopback, the
 * lake a local directory read back with DuckDB. The invoker answers 500 when the function throws,
 * which is what makes Eventarc retry, and 200 when it returns (the event is acknowledged).
 */
@QuarkusTest
@TestProfile(dev.hygge.functions.gcp.SalesProject.Profile.class)
@WithFunction(value = FunctionType.CLOUD_EVENTS, functionName = CloudEventFunction.NAME)
class CloudEventFunctionTest {
  private static final String FINALIZED = "gcp/storage-object-finalized.json";
  private static final String PUBLISHED = "gcp/pubsub-message-published.json";
  private static final String ORDERS = "sales/orders/2026-01-31 orders.csv";
  private static final int ACKNOWLEDGED = 200;
  private static final int RETRIED = 500;

  private static LandingBucket landing;
  private Path project;

  @BeforeAll
  static void startLanding() {
    landing = LandingBucket.start();
  }

  @AfterAll
  static void stopLanding() throws IOException {
    if (landing != null) {
      landing.close();
    }
    dev.hygge.functions.gcp.SalesProject.PROJECT.delete();
  }

  @BeforeEach
  void createProject() throws IOException {
    project = landing.createProject();
  }

  @Test
  void binaryModeFinalizedEventLoadsTheObjectAndJournalsIt() throws IOException {
    JsonNode object = landing.upload(ORDERS, SalesProject.ORDERS_CSV);

    RecordedCloudEvent.of(FINALIZED).forObject(object).postBinary().statusCode(ACKNOWLEDGED);

    assertThat(Lake.totals(project, "orders", "amount"))
        .isEqualTo(new Lake.Totals(SalesProject.ORDER_ROWS, 59.75));
    assertThat(Files.readString(project.resolve(".hygge/state/sales/orders.json")))
        .contains("gs://hygge-landing/" + ORDERS)
        .contains(object.path("generation").asText());
  }

  @Test
  void theSameEventDeliveredTwiceInStructuredModeLoadsOnce() {
    JsonNode object = landing.upload(ORDERS, SalesProject.ORDERS_CSV);
    RecordedCloudEvent event = RecordedCloudEvent.of(FINALIZED).forObject(object);

    event.postStructured().statusCode(ACKNOWLEDGED);
    event.postStructured().statusCode(ACKNOWLEDGED);

    assertThat(Lake.files(project, "orders")).isEqualTo(1);
    assertThat(Lake.totals(project, "orders", "amount").rows()).isEqualTo(SalesProject.ORDER_ROWS);
  }

  @Test
  void aCorruptFileIsPoisonAcknowledgedWithoutARetryAndLoadsNothing() {
    JsonNode object = landing.upload(ORDERS, "id,amount,status\n1,12.50\n");

    RecordedCloudEvent.of(FINALIZED).forObject(object).postBinary().statusCode(ACKNOWLEDGED);

    assertThat(Lake.files(project, "orders")).isZero();
  }

  @Test
  void anObjectNoEntityReadsIsAcknowledged() {
    JsonNode object = landing.upload("marketing/leads/leads.csv", "id\n1\n");

    RecordedCloudEvent.of(FINALIZED).forObject(object).postBinary().statusCode(ACKNOWLEDGED);

    assertThat(project.resolve("lake")).doesNotExist();
  }

  @Test
  void aMalformedEventIsAcknowledged() {
    RecordedCloudEvent.of("gcp/storage-object-finalized-missing-name.json")
        .postStructured()
        .statusCode(ACKNOWLEDGED);

    assertThat(project.resolve("lake")).doesNotExist();
  }

  @Test
  void aDeletedObjectEventIsIgnoredAndAcknowledged() {
    RecordedCloudEvent.of("gcp/storage-object-deleted.json").postBinary().statusCode(ACKNOWLEDGED);

    assertThat(project.resolve("lake")).doesNotExist();
  }

  @Test
  void anEntityHeldByAnotherRunIsRetriedAndLoadsOnTheRedelivery() throws IOException {
    JsonNode object = landing.upload(ORDERS, SalesProject.ORDERS_CSV);
    Path state = project.resolve(".hygge/state/sales/orders.json");
    Files.createDirectories(state.getParent());
    Instant now = Instant.now();
    Files.writeString(
        state,
        """
        {"format": 1, "flow": "sales", "entity": "orders", "version": 1,
         "lease": {"run_id": "run-elsewhere", "acquired": "%s", "expires": "%s"},
         "objects": []}
        """
            .formatted(now, now.plus(Duration.ofMinutes(10))));
    RecordedCloudEvent event = RecordedCloudEvent.of(FINALIZED).forObject(object);

    event.postBinary().statusCode(RETRIED);
    assertThat(Lake.files(project, "orders")).isZero();

    Files.writeString(
        state,
        """
        {"format": 1, "flow": "sales", "entity": "orders", "version": 2, "objects": []}
        """);
    event.postBinary().statusCode(ACKNOWLEDGED);
    assertThat(Lake.totals(project, "orders", "amount").rows()).isEqualTo(SalesProject.ORDER_ROWS);
  }

  @Test
  void anInvalidProjectIsAcknowledgedWithoutARetry() throws IOException {
    Files.writeString(project.resolve("hygge.yml"), "name: fn\nflows: [\n");

    RecordedCloudEvent.of(PUBLISHED).postBinary().statusCode(ACKNOWLEDGED);

    assertThat(project.resolve("lake")).doesNotExist();
  }

  @Test
  void aPubSubRunMessageRunsTheEntity() {
    landing.upload(ORDERS, SalesProject.ORDERS_CSV);

    RecordedCloudEvent.of(PUBLISHED).postBinary().statusCode(ACKNOWLEDGED);

    assertThat(Lake.totals(project, "orders", "amount"))
        .isEqualTo(new Lake.Totals(SalesProject.ORDER_ROWS, 59.75));
  }

  @Test
  void aPubSubRunMessageOfAnUnknownFlowIsAcknowledged() {
    RecordedCloudEvent.of(PUBLISHED)
        .withMessage("{\"flow\": \"salse\", \"entity\": \"orders\"}")
        .postStructured()
        .statusCode(ACKNOWLEDGED);

    assertThat(project.resolve("lake")).doesNotExist();
  }
}
