package dev.hygge.functions.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.google.cloud.functions.test.FunctionType;
import io.quarkus.google.cloud.functions.test.WithFunction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code events} function's time budget: {@code hygge.function.timeout} (Cloud Functions gives
 * no remaining time) counted from the invocation's start, less core's margin. With no time left the
 * entity does not start, the event is acknowledged, and a continuation run message goes to the
 * fan-out topic ({@link FakePubSub}: no Pub/Sub emulator can be had here).
 */
@QuarkusTest
@TestProfile(FanOutProfile.NoTimeLeft.class)
@WithFunction(value = FunctionType.CLOUD_EVENTS, functionName = CloudEventFunction.NAME)
class TimeBudgetFunctionTest {
  private static FakePubSub pubSub;

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

  @Test
  void anEntityStoppedAtTheBudgetIsAcknowledgedAndContinuedThroughTheTopic() throws IOException {
    Path project = SalesProject.PROJECT.create();
    FanOutProfile.addCustomers(project);

    RecordedCloudEvent.of("gcp/pubsub-message-published.json").postBinary().statusCode(200);

    assertThat(pubSub.published())
        .extracting(FakePubSub.Message::data)
        .containsExactly("{\"flow\":\"sales\",\"entity\":\"orders\"}");
    assertThat(Lake.files(project, "orders")).isZero();
  }
}
