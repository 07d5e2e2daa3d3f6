package dev.hygge.invoke.events;

import static dev.hygge.invoke.events.EventJson.at;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hygge.HyggeException;
import dev.hygge.invoke.ManualRun;
import dev.hygge.storage.CreatedObject;
import dev.hygge.storage.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Pub/Sub messages, pushed ({@code {"message": {...}, "subscription": ...}}) or inside a {@code
 * google.cloud.pubsub.topic.v1.messagePublished} CloudEvent. The base64 {@code data} is a run
 * message (Cloud Scheduler, fan-out); a Cloud Storage Pub/Sub notification is recognised by its
 * {@code eventType} attribute: {@code OBJECT_FINALIZE} becomes a run, other types are ignored.
 */
final class PubSubMessages {
  static final String SHAPE = "Pub/Sub message";
  static final String OBJECT_FINALIZE = "OBJECT_FINALIZE";
  private static final String JSON_API_V1 = "JSON_API_V1";

  private PubSubMessages() {}

  /** Whether a JSON value is a push envelope: {@code message} and {@code subscription}. */
  static boolean isPushEnvelope(JsonNode node) {
    return node.path("message").isObject() && node.has("subscription");
  }

  /**
   * The delivery of a push envelope (or of a messagePublished CloudEvent's data).
   *
   * @param eventId the CloudEvent id when the envelope came in one; otherwise the message id
   * @param path where the envelope sits in the payload
   */
  static List<Delivery> parse(JsonNode node, Optional<String> eventId, String path) {
    Envelope envelope = EventJson.bind(node, Envelope.class, path, SHAPE);
    String messagePath = at(path, "message");
    Message message = EventJson.present(envelope.message(), messagePath, SHAPE);
    String id =
        eventId.orElseGet(
            () -> EventJson.text(message.messageId(), at(messagePath, "messageId"), SHAPE));
    Map<String, String> attributes = message.attributes() == null ? Map.of() : message.attributes();
    String eventType = attributes.get("eventType");
    if (eventType != null) {
      return List.of(storageNotification(message, attributes, eventType, id, messagePath));
    }
    String dataPath = at(messagePath, "data");
    byte[] data = EventJson.base64(message.data(), dataPath, SHAPE);
    JsonNode run = EventJson.read(data, dataPath + " (decoded) of the " + SHAPE);
    if (!RunMessages.matches(run)) {
      throw HyggeException.config(
          dataPath
              + " of the "
              + SHAPE
              + " decodes to no run message: expected "
              + ManualRun.EXAMPLE
              + ", or a Cloud Storage notification (attribute eventType).");
    }
    return List.of(RunMessages.parse(run, id, dataPath));
  }

  private static Delivery storageNotification(
      Message message, Map<String, String> attributes, String eventType, String id, String path) {
    String attributesPath = at(path, "attributes");
    String bucket =
        EventJson.text(attributes.get("bucketId"), at(attributesPath, "bucketId"), SHAPE);
    String name = EventJson.text(attributes.get("objectId"), at(attributesPath, "objectId"), SHAPE);
    Location location = new Location(Location.GS, bucket, name);
    if (!eventType.equals(OBJECT_FINALIZE)) {
      return new Delivery.Ignored(
          id, location.toString(), "Cloud Storage " + eventType + " does not create an object");
    }
    OptionalLong size = OptionalLong.empty();
    if (JSON_API_V1.equals(attributes.get("payloadFormat")) && message.data() != null) {
      String dataPath = at(path, "data");
      JsonNode object =
          EventJson.read(
              EventJson.base64(message.data(), dataPath, SHAPE),
              dataPath + " (decoded) of the " + SHAPE);
      size =
          EventJson.size(EventJson.textAt(object, "size").orElse(null), dataPath + ".size", SHAPE);
    }
    CreatedObject created =
        new CreatedObject(
            location,
            Optional.empty(),
            Optional.of(
                EventJson.text(
                    attributes.get("objectGeneration"),
                    at(attributesPath, "objectGeneration"),
                    SHAPE)),
            size,
            EventJson.time(attributes.get("eventTime"), at(attributesPath, "eventTime"), SHAPE));
    return Deliveries.created(id, created);
  }

  /** A push envelope, also the data of a messagePublished CloudEvent. */
  record Envelope(Message message, String subscription) {}

  /** A Pub/Sub message; {@code data} is base64. */
  record Message(
      String data, Map<String, String> attributes, String messageId, String publishTime) {}
}
