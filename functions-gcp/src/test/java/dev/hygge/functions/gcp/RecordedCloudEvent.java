package dev.hygge.functions.gcp;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hygge.testing.RecordedEvents;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A recorded CloudEvent of core's test jar ({@code events/gcp/}), to edit and then post to the
 * Functions Framework invoker in binary mode ({@code ce-*} headers, the data as the body) or
 * structured mode ({@code application/cloudevents+json}, the whole event as the body).
 */
final class RecordedCloudEvent {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> HEADER_ATTRIBUTES =
      List.of("specversion", "id", "type", "source", "subject", "time");

  private final ObjectNode event;

  private RecordedCloudEvent(ObjectNode event) {
    this.event = event;
  }

  /** A recorded event, e.g. {@code gcp/storage-object-finalized.json}. */
  static RecordedCloudEvent of(String name) {
    try {
      return new RecordedCloudEvent((ObjectNode) JSON.readTree(RecordedEvents.bytes(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same Cloud Storage event for another object, as fake-gcs-server describes it. */
  RecordedCloudEvent forObject(JsonNode object) {
    ObjectNode data = (ObjectNode) event.get("data");
    for (String field : List.of("name", "bucket", "generation", "size")) {
      data.put(field, object.path(field).asText());
    }
    event.put("subject", "objects/" + object.path("name").asText());
    return this;
  }

  /** The same event with another id (a new event, not a redelivery). */
  RecordedCloudEvent withId(String id) {
    event.put("id", id);
    return this;
  }

  /** The same Pub/Sub event carrying another message (JSON text, base64-encoded into the data). */
  RecordedCloudEvent withMessage(String json) {
    ((ObjectNode) event.get("data").get("message"))
        .put("data", Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /** Posts the event in binary mode. */
  ValidatableResponse postBinary() {
    RequestSpecification request = given().contentType("application/json");
    for (String attribute : HEADER_ATTRIBUTES) {
      if (event.hasNonNull(attribute)) {
        request = request.header("ce-" + attribute, event.get(attribute).asText());
      }
    }
    return request.body(event.get("data").toString()).when().post().then();
  }

  /** Posts the event in structured mode. */
  ValidatableResponse postStructured() {
    return given()
        .contentType("application/cloudevents+json")
        .body(event.toString())
        .when()
        .post()
        .then();
  }
}
