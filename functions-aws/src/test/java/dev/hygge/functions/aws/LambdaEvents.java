package dev.hygge.functions.aws;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Posts payloads to Quarkus's mock Lambda event server, as Lambda would invoke the function. The
 * server takes a free port in tests ({@code %test.quarkus.lambda.mock-event-server.test-port=0}).
 */
final class LambdaEvents {
  private static final String PORT = "quarkus.lambda.mock-event-server.test-port";

  private LambdaEvents() {}

  /** Invokes the function; the server answers 500 with errorType and errorMessage on an error. */
  static ValidatableResponse invoke(String payload) {
    int port =
        Integer.parseInt(
            System.getProperty(PORT, ConfigProvider.getConfig().getValue(PORT, String.class)));
    if (port == 0) {
      throw new AssertionError(
          "The mock Lambda event server's port is unknown: Quarkus sets the system property "
              + PORT
              + " when it starts the server on a free port");
    }
    return given()
        .port(port)
        .contentType("application/json")
        .body(payload)
        .when()
        .post("/_lambda_")
        .then();
  }
}
