package dev.hygge.functions.aws;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;

/** Posts payloads to Quarkus's mock Lambda event server, as Lambda would invoke the function. */
final class LambdaEvents {
  private static final int DEFAULT_PORT = 8081;

  private LambdaEvents() {}

  /** Invokes the function; the server answers 500 with errorType and errorMessage on an error. */
  static ValidatableResponse invoke(String payload) {
    int port =
        ConfigProvider.getConfig()
            .getOptionalValue("quarkus.lambda.mock-event-server.test-port", Integer.class)
            .orElse(DEFAULT_PORT);
    return given()
        .port(port)
        .contentType("application/json")
        .body(payload)
        .when()
        .post("/_lambda_")
        .then();
  }
}
