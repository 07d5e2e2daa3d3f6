package dev.hygge.invoke.events;

import static dev.hygge.invoke.events.EventJson.at;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hygge.HyggeException;
import dev.hygge.storage.CreatedObject;
import dev.hygge.storage.Location;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a Google Cloud function receives: a CloudEvent (structured mode as JSON, or binary mode as
 * attributes and data) of type {@code google.cloud.storage.object.v1.finalized} or {@code
 * google.cloud.pubsub.topic.v1.messagePublished}, a Pub/Sub push envelope, or an HTTP run message.
 */
final class GcpPayloads {
  static final String CLOUD_EVENT_SHAPE = "CloudEvent";
  static final String FINALIZED = "google.cloud.storage.object.v1.finalized";
  static final String MESSAGE_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";
  static final String STORAGE_SHAPE = "Cloud Storage object event";
  private static final String STORAGE_PREFIX = "google.cloud.storage.object.v1.";
  private static final String GOOGLE_PREFIX = "google.";
  static final List<String> SHAPES =
      List.of(
          "CloudEvent (specversion, type " + FINALIZED + " or " + MESSAGE_PUBLISHED + ")",
          "Pub/Sub push envelope (message, subscription)",
          "run message ({\"flow\": ..., \"entity\": ...})");

  private GcpPayloads() {}

  /** Whether a JSON value is a structured-mode CloudEvent: {@code specversion} and {@code type}. */
  static boolean isCloudEvent(JsonNode node) {
    return node.has("specversion") && node.path("type").isTextual();
  }

  /** Whether a JSON value has the discriminating fields of one of the Google Cloud shapes. */
  static boolean matches(JsonNode node) {
    return (isCloudEvent(node) && node.path("type").asText().startsWith(GOOGLE_PREFIX))
        || PubSubMessages.isPushEnvelope(node)
        || RunMessages.matches(node);
  }

  /** Parses a payload that {@link #matches}. */
  static ParsedEvent parse(JsonNode node) {
    if (isCloudEvent(node)) {
      StructuredEvent event = EventJson.bind(node, StructuredEvent.class, "", CLOUD_EVENT_SHAPE);
      CloudEventAttributes attributes =
          new CloudEventAttributes(
              EventJson.text(event.id(), "id", CLOUD_EVENT_SHAPE),
              EventJson.text(event.type(), "type", CLOUD_EVENT_SHAPE),
              EventJson.text(event.source(), "source", CLOUD_EVENT_SHAPE),
              Optional.ofNullable(event.subject()),
              Optional.ofNullable(event.time()));
      JsonNode data =
          EventJson.present(
              event.data() == null || event.data().isNull() ? null : event.data(),
              "data",
              CLOUD_EVENT_SHAPE);
      return cloudEvent(attributes, data, "data");
    }
    if (PubSubMessages.isPushEnvelope(node)) {
      return new ParsedEvent(
          "Pub/Sub push envelope", PubSubMessages.parse(node, Optional.empty(), ""));
    }
    return ParsedEvent.of(RunMessages.SHAPE, RunMessages.parse(node, "request", ""));
  }

  /** A CloudEvent's deliveries, from its attributes and its data as JSON. */
  static ParsedEvent cloudEvent(CloudEventAttributes attributes, JsonNode data, String dataPath) {
    String type = attributes.type();
    String shape = CLOUD_EVENT_SHAPE + " " + type;
    if (type.equals(FINALIZED)) {
      return ParsedEvent.of(shape, finalized(attributes, data, dataPath));
    }
    if (type.startsWith(STORAGE_PREFIX)) {
      String object = data.path("bucket").asText("") + "/" + data.path("name").asText("");
      return ParsedEvent.of(
          shape,
          new Delivery.Ignored(
              attributes.id(), "gs://" + object, type + " does not create an object"));
    }
    if (type.equals(MESSAGE_PUBLISHED)) {
      return new ParsedEvent(
          shape, PubSubMessages.parse(data, Optional.of(attributes.id()), dataPath));
    }
    throw HyggeException.config(
        "CloudEvent type '"
            + type
            + "' is not one hygge handles: expected "
            + FINALIZED
            + " or "
            + MESSAGE_PUBLISHED
            + ".");
  }

  private static Delivery finalized(CloudEventAttributes attributes, JsonNode data, String path) {
    StorageObject object = EventJson.bind(data, StorageObject.class, path, STORAGE_SHAPE);
    String bucket = EventJson.text(object.bucket(), at(path, "bucket"), STORAGE_SHAPE);
    String name = EventJson.text(object.name(), at(path, "name"), STORAGE_SHAPE);
    String generation = EventJson.text(object.generation(), at(path, "generation"), STORAGE_SHAPE);
    Optional<Instant> created =
        EventJson.time(object.timeCreated(), at(path, "timeCreated"), STORAGE_SHAPE);
    CreatedObject createdObject =
        new CreatedObject(
            new Location(Location.GS, bucket, name),
            Optional.empty(),
            Optional.of(generation),
            EventJson.size(object.size(), at(path, "size"), STORAGE_SHAPE),
            created.isPresent()
                ? created
                : EventJson.time(attributes.time().orElse(null), "time", CLOUD_EVENT_SHAPE));
    return Deliveries.created(attributes.id(), createdObject);
  }

  /** A structured-mode CloudEvent. */
  record StructuredEvent(
      String specversion,
      String id,
      String type,
      String source,
      String subject,
      String time,
      JsonNode data) {}

  /** The Cloud Storage object of a storage CloudEvent; the size is a decimal string. */
  record StorageObject(
      String bucket, String name, String generation, String size, String timeCreated) {}
}
