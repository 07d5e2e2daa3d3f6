package dev.hygge.invoke.events;

import static dev.hygge.invoke.events.EventJson.at;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hygge.HyggeException;
import dev.hygge.storage.CreatedObject;
import dev.hygge.storage.Location;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Amazon S3 event notifications ({@code Records[].eventSource = "aws:s3"}), sent to a function
 * directly, through SQS or through SNS. {@code ObjectCreated:*} records become runs; other event
 * names and the {@code s3:TestEvent} S3 sends when notifications are configured are ignored.
 */
final class S3Notifications {
  static final String SHAPE = "S3 event notification";
  static final String EVENT_SOURCE = "aws:s3";
  static final String TEST_EVENT = "s3:TestEvent";
  private static final String CREATED_PREFIX = "ObjectCreated:";

  private S3Notifications() {}

  /** Whether a JSON value is an S3 notification: {@code Records[0].eventSource} is aws:s3. */
  static boolean matches(JsonNode node) {
    JsonNode records = node.path("Records");
    return records.isArray()
        && !records.isEmpty()
        && EVENT_SOURCE.equals(records.get(0).path("eventSource").asText());
  }

  /** Whether a JSON value is the test event S3 sends when notifications are configured. */
  static boolean isTestEvent(JsonNode node) {
    return TEST_EVENT.equals(node.path("Event").asText());
  }

  /** The ignored delivery of a test event. */
  static Delivery testEvent(JsonNode node, String id) {
    String bucket = node.path("Bucket").asText("");
    return new Delivery.Ignored(
        id,
        "s3://" + bucket,
        TEST_EVENT + " only checks that notifications reach the function: nothing to load");
  }

  /**
   * One delivery per record; each record's problems make only that record malformed.
   *
   * @param envelopeId the id of the message that carried the notification (SQS), or empty when the
   *     notification came directly and each record is acknowledged by its own path
   * @param path where the notification sits in the payload
   */
  static List<Delivery> parse(JsonNode node, Optional<String> envelopeId, String path) {
    Notification notification = EventJson.bind(node, Notification.class, path, SHAPE);
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < notification.records().size(); i++) {
      String recordPath = at(path, "Records[" + i + "]");
      String id = envelopeId.orElse(recordPath);
      S3Record record = notification.records().get(i);
      deliveries.addAll(
          Deliveries.orMalformed(id, recordPath, () -> List.of(delivery(record, id, recordPath))));
    }
    return deliveries;
  }

  private static Delivery delivery(S3Record record, String id, String path) {
    EventJson.present(record, path, SHAPE);
    String source = EventJson.text(record.eventSource(), at(path, "eventSource"), SHAPE);
    if (!source.equals(EVENT_SOURCE)) {
      throw HyggeException.config(
          at(path, "eventSource")
              + " is '"
              + source
              + "' in the "
              + SHAPE
              + ": expected "
              + EVENT_SOURCE
              + ".");
    }
    String eventName = EventJson.text(record.eventName(), at(path, "eventName"), SHAPE);
    S3Entity s3 = EventJson.present(record.s3(), at(path, "s3"), SHAPE);
    Bucket bucket = EventJson.present(s3.bucket(), at(path, "s3.bucket"), SHAPE);
    String bucketName = EventJson.text(bucket.name(), at(path, "s3.bucket.name"), SHAPE);
    S3Object object = EventJson.present(s3.object(), at(path, "s3.object"), SHAPE);
    String encodedKey = EventJson.text(object.key(), at(path, "s3.object.key"), SHAPE);
    // S3 writes keys form-encoded in notifications: '+' is a space, '%2B' a plus.
    String key = URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
    Location location = new Location(Location.S3, bucketName, key);
    if (!eventName.startsWith(CREATED_PREFIX)) {
      return new Delivery.Ignored(
          id, location.toString(), "event " + eventName + " does not create an object");
    }
    CreatedObject created =
        new CreatedObject(
            location,
            Optional.empty(),
            Optional.ofNullable(object.eTag()).filter(e -> !e.isBlank()),
            EventJson.size(object.size(), at(path, "s3.object.size"), SHAPE),
            EventJson.time(record.eventTime(), at(path, "eventTime"), SHAPE));
    return Deliveries.created(id, created);
  }

  /** The notification: its records. */
  record Notification(@JsonProperty("Records") List<S3Record> records) {
    Notification {
      records = records == null ? List.of() : new ArrayList<>(records);
    }
  }

  /** One record of a notification. */
  record S3Record(String eventSource, String eventName, String eventTime, S3Entity s3) {}

  /** The {@code s3} part of a record. */
  record S3Entity(Bucket bucket, S3Object object) {}

  /** The bucket of a record. */
  record Bucket(String name) {}

  /** The object of a record; the key is form-encoded. */
  record S3Object(
      String key,
      Long size,
      @JsonProperty("eTag") String eTag,
      String versionId,
      String sequencer) {}
}
