package dev.hygge.invoke.events;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hygge.HyggeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a function receives into deliveries: the one parser every cloud adapter and {@code
 * hygge invoke --event} use. With a cloud given, only that cloud's shapes are tried; without one,
 * the shape is detected by each cloud's documented discriminating fields.
 */
public final class EventParser {
  private static final String PAYLOAD = "The event payload";

  private EventParser() {}

  /**
   * The deliveries a payload carries.
   *
   * @param payload the bytes the function received (JSON, or base64 JSON for a Storage Queue
   *     message)
   * @param cloud the cloud it came from, or empty to detect it
   * @throws HyggeException of kind CONFIG when the payload is not JSON, matches no shape tried
   *     (naming the shapes), or is malformed outside any one message (naming the field)
   */
  public static ParsedEvent parse(byte[] payload, Optional<Cloud> cloud) {
    requireNonNull(payload, "payload is null");
    requireNonNull(cloud, "cloud is null");
    if (cloud.map(c -> c == Cloud.AZURE).orElse(true)) {
      Optional<byte[]> queueText = AzurePayloads.decodedQueueMessage(payload);
      if (queueText.isPresent()) {
        JsonNode decoded = EventJson.read(queueText.get(), PAYLOAD + " (base64-decoded)");
        if (AzurePayloads.matches(decoded)) {
          return AzurePayloads.parse(decoded, AzurePayloads.QUEUE_SHAPE);
        }
        throw noShape(List.of(Cloud.AZURE), "decodes from base64 but");
      }
    }
    JsonNode node = EventJson.read(payload, PAYLOAD);
    if (cloud.isPresent()) {
      return parse(node, cloud.get());
    }
    if (AwsPayloads.matches(node) && !RunMessages.matches(node)) {
      return AwsPayloads.parse(node);
    }
    if (GcpPayloads.matches(node) && !RunMessages.matches(node)) {
      return GcpPayloads.parse(node);
    }
    if (AzurePayloads.matches(node) && !RunMessages.matches(node)) {
      return AzurePayloads.parse(node, AzurePayloads.EVENT_GRID_SHAPE);
    }
    if (RunMessages.matches(node)) {
      return ParsedEvent.of(RunMessages.SHAPE, RunMessages.parse(node, "request", ""));
    }
    throw noShape(List.of(Cloud.values()), "");
  }

  /**
   * The deliveries of a CloudEvent received in binary mode: its attributes from the {@code ce-*}
   * headers, its data from the body.
   *
   * @throws HyggeException of kind CONFIG when the type is not handled or the data is malformed
   */
  public static ParsedEvent parseCloudEvent(CloudEventAttributes attributes, byte[] data) {
    requireNonNull(attributes, "attributes is null");
    requireNonNull(data, "data is null");
    JsonNode node = EventJson.read(data, "The data of CloudEvent " + attributes.id());
    return GcpPayloads.cloudEvent(attributes, node, "data");
  }

  private static ParsedEvent parse(JsonNode node, Cloud cloud) {
    boolean matches =
        switch (cloud) {
          case AWS -> AwsPayloads.matches(node);
          case GCP -> GcpPayloads.matches(node);
          case AZURE -> AzurePayloads.matches(node);
        };
    if (!matches) {
      throw noShape(List.of(cloud), "");
    }
    return switch (cloud) {
      case AWS -> AwsPayloads.parse(node);
      case GCP -> GcpPayloads.parse(node);
      case AZURE -> AzurePayloads.parse(node, AzurePayloads.EVENT_GRID_SHAPE);
    };
  }

  private static HyggeException noShape(List<Cloud> clouds, String how) {
    List<String> tried = new ArrayList<>();
    for (Cloud cloud : clouds) {
      List<String> shapes =
          switch (cloud) {
            case AWS -> AwsPayloads.SHAPES;
            case GCP -> GcpPayloads.SHAPES;
            case AZURE -> AzurePayloads.SHAPES;
          };
      tried.add(cloud.word() + ": " + String.join("; ", shapes));
    }
    return HyggeException.config(
        PAYLOAD
            + " "
            + (how.isEmpty() ? "" : how + " ")
            + "matches none of the event shapes tried. Tried "
            + String.join(" | ", tried)
            + (clouds.size() == 1 ? "" : ". Pass --cloud aws|gcp|azure to try one cloud only")
            + ".");
  }
}
