package dev.hygge.invoke.events;

import static dev.hygge.invoke.events.EventJson.at;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hygge.storage.CreatedObject;
import dev.hygge.storage.Location;
import java.util.List;
import java.util.Optional;

/**
 * Amazon EventBridge events from S3 ({@code source = "aws.s3"}): {@code Object Created} becomes a
 * run, other detail types (Object Deleted, ...) are ignored. Unlike S3 notifications, EventBridge
 * writes the key as it is, not form-encoded.
 */
final class EventBridgeEvents {
  static final String SHAPE = "EventBridge S3 event";
  static final String SOURCE = "aws.s3";
  static final String OBJECT_CREATED = "Object Created";

  private EventBridgeEvents() {}

  /**
   * Whether a JSON value is an EventBridge event from S3: {@code source} and {@code detail-type}.
   */
  static boolean matches(JsonNode node) {
    return SOURCE.equals(node.path("source").asText()) && node.has("detail-type");
  }

  /**
   * The delivery of one event.
   *
   * @param envelopeId the id of the message that carried the event (SQS), or empty to use the
   *     event's own id
   * @param path where the event sits in the payload
   */
  static List<Delivery> parse(JsonNode node, Optional<String> envelopeId, String path) {
    Event event = EventJson.bind(node, Event.class, path, SHAPE);
    String id = envelopeId.orElseGet(() -> EventJson.text(event.id(), at(path, "id"), SHAPE));
    String type = EventJson.text(event.detailType(), at(path, "detail-type"), SHAPE);
    Detail detail = EventJson.present(event.detail(), at(path, "detail"), SHAPE);
    Bucket bucket = EventJson.present(detail.bucket(), at(path, "detail.bucket"), SHAPE);
    String bucketName = EventJson.text(bucket.name(), at(path, "detail.bucket.name"), SHAPE);
    S3Object object = EventJson.present(detail.object(), at(path, "detail.object"), SHAPE);
    String key = EventJson.text(object.key(), at(path, "detail.object.key"), SHAPE);
    Location location = new Location(Location.S3, bucketName, key);
    if (!type.equals(OBJECT_CREATED)) {
      return List.of(
          new Delivery.Ignored(
              id, location.toString(), "detail-type " + type + " does not create an object"));
    }
    CreatedObject created =
        new CreatedObject(
            location,
            Optional.empty(),
            Optional.ofNullable(object.etag()).filter(e -> !e.isBlank()),
            EventJson.size(object.size(), at(path, "detail.object.size"), SHAPE),
            EventJson.time(event.time(), at(path, "time"), SHAPE));
    return List.of(Deliveries.created(id, created));
  }

  /** The event envelope. */
  record Event(
      String id,
      @JsonProperty("detail-type") String detailType,
      String source,
      String time,
      Detail detail) {}

  /** The S3 part of the event. */
  record Detail(Bucket bucket, S3Object object, String reason) {}

  /** The bucket. */
  record Bucket(String name) {}

  /** The object; the key is not encoded. */
  record S3Object(
      String key, Long size, String etag, @JsonProperty("version-id") String versionId) {}
}
