package dev.hygge.functions.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.google.cloud.functions.test.FunctionType;
import io.quarkus.google.cloud.functions.test.WithFunction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cloud Scheduler's message for a whole flow, through the {@code events} function with a fan-out
 * topic configured: one run message per entity is published to Pub/Sub, and each such message run
 * through the function loads its entity. Pub/Sub is {@link FakePubSub} (no emulator can be had
 * here); the invoker is the real Functions Framework one.
 */
@QuarkusTest
@TestProfile(FanOutProfile.class)
@WithFunction(value = FunctionType.CLOUD_EVENTS, functionName = CloudEventFunction.NAME)
class FanOutFunctionTest {
  private static final String PUBLISHED = "gcp/pubsub-message-published.json";

  private static FakePubSub pubSub;
  private Path project;

  @BeforeAll
  static void startPubSub() {
    pubSub = FanOutProfile.startPubSub();
  }

  @AfterAll
  static void stopPubSub() throws IOException {
    if (pubSub != null) {
      pubSub.close();
    }
    SalesProject.PROJECT.delete();
  }

  @BeforeEach
  void createProject() throws IOException {
    project = SalesProject.PROJECT.create();
    FanOutProfile.addCustomers(project);
    pubSub.clear();
  }

  @Test
  void aScheduleForTheWholeFlowPublishesOneRunMessagePerEntityAndRunsNone() {
    RecordedCloudEvent.of(PUBLISHED)
        .withMessage("{\"flow\": \"sales\"}")
        .postBinary()
        .statusCode(200);

    assertThat(pubSub.published())
        .extracting(FakePubSub.Message::data)
        .containsExactly(
            "{\"flow\":\"sales\",\"entity\":\"orders\"}",
            "{\"flow\":\"sales\",\"entity\":\"customers\"}");
    assertThat(project.resolve("lake")).doesNotExist();
  }

  @Test
  void eachFannedOutMessageRunsItsEntity() {
    RecordedCloudEvent.of(PUBLISHED)
        .withMessage("{\"flow\": \"sales\"}")
        .postBinary()
        .statusCode(200);
    List<FakePubSub.Message> messages = pubSub.published();

    for (int i = 0; i < messages.size(); i++) {
      RecordedCloudEvent.of(PUBLISHED)
          .withId("fan-out-" + i)
          .withMessage(messages.get(i).data())
          .postStructured()
          .statusCode(200);
    }

    assertThat(Lake.totals(project, "orders", "amount"))
        .isEqualTo(new Lake.Totals(SalesProject.ORDER_ROWS, 59.75));
    assertThat(Lake.totals(project, "customers", "id")).isEqualTo(new Lake.Totals(2, 3));
    assertThat(pubSub.published()).as("a run of one entity fans nothing out").hasSize(2);
  }
}
