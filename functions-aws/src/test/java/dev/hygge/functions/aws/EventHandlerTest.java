package dev.hygge.functions.aws;

import static dev.hygge.functions.aws.LambdaEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.testing.S3Emulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Lambda handler end to end through Quarkus's mock event server: recorded AWS payloads for
 * objects landed on an S3 emulator (s3proxy in this JVM), rows read back from the lake with DuckDB,
 * the processed-object journal read from the project's state.
 */
@QuarkusTest
@TestProfile(SalesProject.Profile.class)
class EventHandlerTest {
  private static final String PART_KEY = "sales/orders/part=1/orders.csv";
  private static final String EXTRA_KEY = "sales/orders/2026-01-31 orders+extra.csv";
  private static final String CUSTOMERS_KEY = "sales/customers/customers.csv";
  private static final int S3_MESSAGE = 0;
  private static final int EVENTBRIDGE_MESSAGE = 1;
  private static final int SNS_MESSAGE = 2;
  private S3Emulator s3;

  @BeforeEach
  void startS3() throws Exception {
    s3 = S3Emulator.start();
    s3.createBucket(LandingProject.BUCKET);
  }

  @AfterEach
  void stopS3() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  @AfterAll
  static void deleteProject() throws IOException {
    SalesProject.PROJECT.delete();
  }

  @Test
  void sqsBatchOfTwoObjectsLoadsBothAndTheSameBatchAgainLoadsNothing() throws Exception {
    LandingProject project = freshLanding();
    project.land(PART_KEY);
    project.land(EXTRA_KEY);
    String batch = LandingProject.sqsBatch(S3_MESSAGE, EVENTBRIDGE_MESSAGE);

    JsonPath first = invoke(batch).statusCode(200).extract().jsonPath();

    assertThat(first.getList("batchItemFailures")).isEmpty();
    assertThat(project.lakeRows()).isEqualTo(2L * SalesProject.ORDER_ROWS);
    assertThat(project.journal())
        .containsExactlyInAnyOrder(
            "s3://hygge-landing/" + PART_KEY, "s3://hygge-landing/" + EXTRA_KEY);
    long files = project.lakeFiles();

    JsonPath again = invoke(batch).statusCode(200).extract().jsonPath();

    assertThat(again.getList("batchItemFailures")).isEmpty();
    assertThat(project.lakeRows()).isEqualTo(2L * SalesProject.ORDER_ROWS);
    assertThat(project.lakeFiles()).isEqualTo(files);
    assertThat(project.journal()).hasSize(2);
  }

  @Test
  void poisonMessageIsTheOnlyBatchItemFailureAndTheGoodOneLoads() throws Exception {
    LandingProject project = freshLanding();
    project.land(PART_KEY);
    project.land(CUSTOMERS_KEY);

    JsonPath response =
        invoke(LandingProject.sqsBatch(SNS_MESSAGE, S3_MESSAGE))
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(response.getList("batchItemFailures.itemIdentifier"))
        .containsExactly(LandingProject.messageId(SNS_MESSAGE));
    assertThat(project.lakeRows()).isEqualTo(SalesProject.ORDER_ROWS);
    assertThat(project.journal()).containsExactly("s3://hygge-landing/" + PART_KEY);
  }

  @Test
  void eventBridgeObjectCreatedSentDirectlyLoadsTheObject() throws Exception {
    LandingProject project = freshLanding();
    project.land(EXTRA_KEY);

    JsonPath outcome =
        invoke(LandingProject.recorded("aws/eventbridge-object-created.json"))
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(outcome.getString("shape")).isEqualTo("EventBridge S3 event");
    assertThat(outcome.getBoolean("succeeded")).isTrue();
    assertThat(outcome.getString("deliveries[0].status")).isEqualTo("SUCCEEDED");
    assertThat(outcome.getString("deliveries[0].subject"))
        .isEqualTo("s3://hygge-landing/" + EXTRA_KEY);
    assertThat(outcome.getInt("deliveries[0].run.entities[0].rows"))
        .isEqualTo(SalesProject.ORDER_ROWS);
    assertThat(project.lakeRows()).isEqualTo(SalesProject.ORDER_ROWS);
    assertThat(project.journal()).containsExactly("s3://hygge-landing/" + EXTRA_KEY);
  }

  @Test
  void runMessageForOneEntityLoadsEveryLandedObjectInThisInvocation() throws Exception {
    LandingProject project = freshLanding();
    project.land(PART_KEY);
    project.land(EXTRA_KEY);

    JsonPath outcome =
        invoke(LandingProject.recorded("aws/direct-run-entity.json"))
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(outcome.getString("shape")).isEqualTo("run message");
    assertThat(outcome.getBoolean("succeeded")).isTrue();
    assertThat(outcome.getString("deliveries[0].status")).isEqualTo("SUCCEEDED");
    List<Map<String, Object>> entities = outcome.getList("deliveries[0].run.entities");
    assertThat(entities).hasSize(1);
    assertThat(entities.get(0))
        .containsEntry("flow", "sales")
        .containsEntry("entity", "orders")
        .containsEntry("status", "SUCCESS")
        .containsEntry("rows", 2 * SalesProject.ORDER_ROWS);
    assertThat(project.lakeRows()).isEqualTo(2L * SalesProject.ORDER_ROWS);
  }

  @Test
  void runMessageForAnUnknownEntityIsPoisonAnsweredNotThrown() throws Exception {
    freshLanding();

    JsonPath outcome =
        invoke("{\"flow\": \"sales\", \"entity\": \"ordres\"}")
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(outcome.getBoolean("succeeded")).isFalse();
    assertThat(outcome.getList("retryableIds")).isEmpty();
    assertThat(outcome.getString("deliveries[0].disposition")).isEqualTo("POISON");
    assertThat(outcome.getString("deliveries[0].errorKind")).isEqualTo("CONFIG");
    assertThat(outcome.getString("deliveries[0].error"))
        .startsWith("No entity named 'ordres' in flow sales. Did you mean 'orders'?");
  }

  @Test
  void malformedPayloadIsAnsweredWithAClearError() {
    JsonPath outcome = invoke("not json at all").statusCode(200).extract().jsonPath();

    assertThat(outcome.getString("shape")).isEqualTo(EventResponses.UNREADABLE_SHAPE);
    assertThat(outcome.getBoolean("succeeded")).isFalse();
    assertThat(outcome.getString("deliveries[0].disposition")).isEqualTo("POISON");
    assertThat(outcome.getString("deliveries[0].error"))
        .startsWith("The event payload is not JSON (")
        .endsWith("): expected a JSON event.");
  }

  @Test
  void retryableFailureIsAFunctionErrorDirectlyAndABatchItemFailureFromSqs() throws Exception {
    LandingProject.create(s3, "http://127.0.0.1:" + closedPort());

    JsonPath error =
        invoke("{\"flow\": \"sales\", \"entity\": \"orders\"}")
            .statusCode(500)
            .extract()
            .jsonPath();
    JsonPath batch =
        invoke(LandingProject.sqsBatch(S3_MESSAGE)).statusCode(200).extract().jsonPath();

    assertThat(error.getString("errorType")).isEqualTo(RetryableEventException.class.getName());
    assertThat(error.getString("errorMessage"))
        .startsWith(
            "The run message failed and a retry can help: run of flow sales, entity orders: ");
    assertThat(batch.getList("batchItemFailures.itemIdentifier"))
        .containsExactly(LandingProject.messageId(S3_MESSAGE));
  }

  private LandingProject freshLanding() throws IOException {
    return LandingProject.create(s3, s3.endpoint().toString());
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
