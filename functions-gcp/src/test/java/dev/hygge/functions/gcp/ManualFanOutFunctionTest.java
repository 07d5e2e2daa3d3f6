package dev.hygge.functions.gcp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.google.cloud.functions.test.FunctionType;
import io.quarkus.google.cloud.functions.test.WithFunction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code manual} HTTP function with a fan-out topic configured ({@link FakePubSub}: no Pub/Sub
 * emulator can be had here): a whole flow is fanned out and answered 202; one entity still runs and
 * answers its report.
 */
@QuarkusTest
@TestProfile(FanOutProfile.class)
@WithFunction(value = FunctionType.HTTP, functionName = ManualRunFunction.NAME)
class ManualFanOutFunctionTest {
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
  void aWholeFlowIsFannedOutAndAcceptedWhileOneEntityRunsAtOnce() throws IOException {
    Path project = SalesProject.PROJECT.create();
    FanOutProfile.addCustomers(project);

    JsonPath accepted =
        given()
            .contentType("application/json")
            .body("{\"flow\": \"sales\"}")
            .post()
            .then()
            .statusCode(202)
            .extract()
            .jsonPath();
    JsonPath report =
        given()
            .contentType("application/json")
            .body("{\"flow\": \"sales\", \"entity\": \"customers\"}")
            .post()
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(accepted.getString("status")).isEqualTo("FANNED_OUT");
    assertThat(accepted.getString("reason"))
        .isEqualTo(
            "2 run message(s) for sales.orders, sales.customers sent to Pub/Sub topic "
                + FanOutProfile.TOPIC);
    assertThat(pubSub.published())
        .extracting(FakePubSub.Message::data)
        .containsExactly(
            "{\"flow\":\"sales\",\"entity\":\"orders\"}",
            "{\"flow\":\"sales\",\"entity\":\"customers\"}");
    assertThat(report.getString("entities[0].status")).isEqualTo("SUCCESS");
    assertThat(report.getInt("entities[0].rows")).isEqualTo(2);
    assertThat(Lake.files(project, "orders")).isZero();
  }
}
