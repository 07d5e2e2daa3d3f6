package dev.hygge.invoke.events;

import static dev.hygge.invoke.events.EventJson.at;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hygge.HyggeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an AWS function receives: an SQS batch whose bodies are events, or one event sent directly
 * (S3 notification, EventBridge event, SNS notification of an S3 event, EventBridge Scheduler input
 * or a direct invocation with a run message).
 */
final class AwsPayloads {
  static final String SQS_SHAPE = ParsedEvent.SQS_BATCH_SHAPE;
  static final String SQS_SOURCE = "aws:sqs";
  static final String SNS_SHAPE = "SNS notification";
  static final String SNS_TYPE = "Notification";
  static final List<String> SHAPES =
      List.of(
          "SQS message batch (Records[].eventSource aws:sqs)",
          "S3 event notification (Records[].eventSource aws:s3, or Event s3:TestEvent)",
          "EventBridge S3 event (source aws.s3, detail-type)",
          "SNS notification (Type Notification, Message)",
          "run message ({\"flow\": ..., \"entity\": ...})");

  private AwsPayloads() {}

  /** Whether a JSON value is an SQS batch: {@code Records[0].eventSource} is aws:sqs. */
  static boolean isSqsBatch(JsonNode node) {
    JsonNode records = node.path("Records");
    return records.isArray()
        && !records.isEmpty()
        && SQS_SOURCE.equals(records.get(0).path("eventSource").asText());
  }

  /** Whether a JSON value has the discriminating fields of one of the AWS shapes. */
  static boolean matches(JsonNode node) {
    return isSqsBatch(node) || matchesMessage(node);
  }

  /** Parses a payload that {@link #matches}. */
  static ParsedEvent parse(JsonNode node) {
    if (isSqsBatch(node)) {
      return new ParsedEvent(SQS_SHAPE, sqsBatch(node));
    }
    return new ParsedEvent(shapeOf(node), message(node, Optional.empty(), ""));
  }

  private static boolean matchesMessage(JsonNode node) {
    return S3Notifications.matches(node)
        || S3Notifications.isTestEvent(node)
        || EventBridgeEvents.matches(node)
        || isSnsNotification(node)
        || RunMessages.matches(node);
  }

  private static String shapeOf(JsonNode node) {
    if (S3Notifications.matches(node) || S3Notifications.isTestEvent(node)) {
      return S3Notifications.SHAPE;
    }
    if (EventBridgeEvents.matches(node)) {
      return EventBridgeEvents.SHAPE;
    }
    return isSnsNotification(node) ? SNS_SHAPE : RunMessages.SHAPE;
  }

  private static boolean isSnsNotification(JsonNode node) {
    return SNS_TYPE.equals(node.path("Type").asText()) && node.path("Message").isTextual();
  }

  private static List<Delivery> sqsBatch(JsonNode node) {
    SqsBatch batch = EventJson.bind(node, SqsBatch.class, "", SQS_SHAPE);
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < batch.records().size(); i++) {
      String path = "Records[" + i + "]";
      SqsMessage message = batch.records().get(i);
      String id =
          message == null || message.messageId() == null || message.messageId().isBlank()
              ? path
              : message.messageId();
      deliveries.addAll(
          Deliveries.orMalformed(id, "SQS message " + id, () -> sqsMessage(message, id, path)));
    }
    return deliveries;
  }

  private static List<Delivery> sqsMessage(SqsMessage message, String id, String path) {
    EventJson.present(message, path, SQS_SHAPE);
    EventJson.text(message.messageId(), at(path, "messageId"), SQS_SHAPE);
    String body = EventJson.text(message.body(), at(path, "body"), SQS_SHAPE);
    String bodyPath = at(path, "body");
    JsonNode parsed =
        EventJson.read(body.getBytes(StandardCharsets.UTF_8), bodyPath + " of SQS message " + id);
    return message(parsed, Optional.of(id), bodyPath);
  }

  /** One event sent directly or as an SQS body. */
  private static List<Delivery> message(JsonNode node, Optional<String> envelopeId, String path) {
    if (S3Notifications.matches(node)) {
      return S3Notifications.parse(node, envelopeId, path);
    }
    String id = envelopeId.orElse(path.isEmpty() ? "event" : path);
    if (S3Notifications.isTestEvent(node)) {
      return List.of(S3Notifications.testEvent(node, id));
    }
    if (EventBridgeEvents.matches(node)) {
      return EventBridgeEvents.parse(node, envelopeId, path);
    }
    if (isSnsNotification(node)) {
      String messagePath = at(path, "Message");
      JsonNode inner =
          EventJson.read(
              node.get("Message").asText().getBytes(StandardCharsets.UTF_8),
              messagePath + " of the " + SNS_SHAPE);
      if (!S3Notifications.matches(inner) && !S3Notifications.isTestEvent(inner)) {
        throw HyggeException.config(
            messagePath
                + " is not an S3 event notification in the "
                + SNS_SHAPE
                + ": expected Records[].eventSource aws:s3.");
      }
      return message(inner, Optional.of(id), messagePath);
    }
    if (RunMessages.matches(node)) {
      return List.of(
          RunMessages.parse(node, envelopeId.orElse(path.isEmpty() ? "request" : path), path));
    }
    throw HyggeException.config(
        (path.isEmpty() ? "The payload" : path)
            + " is no AWS event hygge knows. Tried: "
            + String.join("; ", SHAPES.subList(1, SHAPES.size()))
            + ".");
  }

  /** The SQS batch. */
  record SqsBatch(@JsonProperty("Records") List<SqsMessage> records) {
    SqsBatch {
      records = records == null ? List.of() : new ArrayList<>(records);
    }
  }

  /** One SQS message. */
  record SqsMessage(String messageId, String body, String eventSource) {}
}
