package dev.hygge.invoke.events;

import static dev.hygge.invoke.events.EventJson.at;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hygge.HyggeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What an Azure function receives: Event Grid events in the Event Grid schema or the CloudEvents
 * schema (one event or a JSON array), a Storage Queue message (plain or base64 JSON: a run message
 * or an Event Grid event) or an HTTP run message. {@code Microsoft.Storage.BlobCreated} becomes a
 * run; other event types (BlobDeleted, ...) are ignored.
 */
final class AzurePayloads {
  static final String EVENT_GRID_SHAPE = "Event Grid event";
  static final String CLOUD_EVENT_SHAPE = "Event Grid CloudEvent";
  static final String QUEUE_SHAPE = "Storage Queue message";
  static final String BLOB_CREATED = "Microsoft.Storage.BlobCreated";
  private static final String STORAGE_PREFIX = "Microsoft.Storage.";
  private static final String MICROSOFT_PREFIX = "Microsoft.";
  static final List<String> SHAPES =
      List.of(
          "Event Grid event, one or an array (eventType, data)",
          "Event Grid CloudEvent, one or an array (specversion, type Microsoft.*)",
          "Storage Queue message (plain or base64 JSON)",
          "run message ({\"flow\": ..., \"entity\": ...})");

  private AzurePayloads() {}

  /** Whether the payload is base64 text, as a Storage Queue message may be. */
  static Optional<byte[]> decodedQueueMessage(byte[] payload) {
    if (EventJson.looksLikeJson(payload)) {
      return Optional.empty();
    }
    String text = new String(payload, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      byte[] decoded = Base64.getMimeDecoder().decode(text);
      return EventJson.looksLikeJson(decoded) ? Optional.of(decoded) : Optional.empty();
    } catch (IllegalArgumentException e) {
      // Not base64 either: the caller reports the payload as no known shape.
      return Optional.empty();
    }
  }

  /** Whether a JSON value has the discriminating fields of one of the Azure shapes. */
  static boolean matches(JsonNode node) {
    if (node.isArray()) {
      return !node.isEmpty() && isEvent(node.get(0));
    }
    return isEvent(node) || RunMessages.matches(node);
  }

  private static boolean isEvent(JsonNode node) {
    return isEventGridEvent(node) || isCloudEvent(node);
  }

  private static boolean isEventGridEvent(JsonNode node) {
    return node.path("eventType").isTextual() && node.has("data");
  }

  private static boolean isCloudEvent(JsonNode node) {
    return node.has("specversion") && node.path("type").asText().startsWith(MICROSOFT_PREFIX);
  }

  /** Parses a payload that {@link #matches}. */
  static ParsedEvent parse(JsonNode node, String shape) {
    if (node.isArray()) {
      List<Delivery> deliveries = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        String path = "[" + i + "]";
        JsonNode element = node.get(i);
        String id = EventJson.textAt(element, "id").filter(s -> !s.isBlank()).orElse(path);
        deliveries.addAll(
            Deliveries.orMalformed(id, "event " + id, () -> List.of(event(element, path))));
      }
      return new ParsedEvent(shape + " array", deliveries);
    }
    if (isEvent(node)) {
      return ParsedEvent.of(shape, event(node, ""));
    }
    return ParsedEvent.of(RunMessages.SHAPE, RunMessages.parse(node, "request", ""));
  }

  private static Delivery event(JsonNode node, String path) {
    if (isCloudEvent(node)) {
      CloudEvent event = EventJson.bind(node, CloudEvent.class, path, CLOUD_EVENT_SHAPE);
      return delivery(
          EventJson.text(event.id(), at(path, "id"), CLOUD_EVENT_SHAPE),
          event.type(),
          event.subject(),
          event.time(),
          event.data(),
          path,
          CLOUD_EVENT_SHAPE);
    }
    if (!isEventGridEvent(node)) {
      throw HyggeException.config(
          (path.isEmpty() ? "The payload" : path)
              + " is no Event Grid event: expected eventType and data (Event Grid schema) or"
              + " specversion and type (CloudEvents schema).");
    }
    EventGridEvent event = EventJson.bind(node, EventGridEvent.class, path, EVENT_GRID_SHAPE);
    return delivery(
        EventJson.text(event.id(), at(path, "id"), EVENT_GRID_SHAPE),
        event.eventType(),
        event.subject(),
        event.eventTime(),
        event.data(),
        path,
        EVENT_GRID_SHAPE);
  }

  private static Delivery delivery(
      String id,
      String type,
      String subject,
      String time,
      BlobData data,
      String path,
      String shape) {
    String subjectText = subject == null ? type : subject;
    if (!type.startsWith(STORAGE_PREFIX)) {
      return new Delivery.Ignored(
          id, subjectText, "event type " + type + " is not about a storage blob");
    }
    if (!type.equals(BLOB_CREATED)) {
      return new Delivery.Ignored(id, subjectText, type + " does not create a blob");
    }
    BlobData blob = EventJson.present(data, at(path, "data"), shape);
    String url = EventJson.text(blob.url(), at(path, "data.url"), shape);
    return Deliveries.created(
        id,
        BlobUrls.created(
            url,
            at(path, "data.url"),
            shape,
            Optional.ofNullable(blob.eTag()).filter(e -> !e.isBlank()),
            EventJson.size(blob.contentLength(), at(path, "data.contentLength"), shape),
            EventJson.time(
                time, at(path, shape.equals(CLOUD_EVENT_SHAPE) ? "time" : "eventTime"), shape)));
  }

  /** An event in the Event Grid schema. */
  record EventGridEvent(
      String id, String eventType, String subject, String eventTime, BlobData data) {}

  /** An event in the CloudEvents schema. */
  record CloudEvent(
      String specversion, String id, String type, String subject, String time, BlobData data) {}

  /** The data of a blob event. */
  record BlobData(
      String api,
      String url,
      @JsonProperty("eTag") String eTag,
      Long contentLength,
      String blobType) {}
}
