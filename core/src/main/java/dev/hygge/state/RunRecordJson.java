package dev.hygge.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A {@link RunRecord} as one JSON object on one line, the same in every run journal. */
public final class RunRecordJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunRecordJson() {}

  /** One record as a JSON object on one line. */
  public static String encode(RunRecord r) {
    ObjectNode node = JSON.createObjectNode();
    node.put("run_id", r.runId());
    node.put("flow", r.flow());
    node.put("entity", r.entity());
    node.put("started", r.started().toString());
    node.put("ended", r.ended().toString());
    node.put("status", r.status());
    node.put("rows", r.rows());
    node.put("bytes", r.bytes());
    node.put("files", r.files());
    node.put("objects", r.objects());
    r.read().ifPresent(v -> node.put("read", v));
    r.watermarkBefore().ifPresent(v -> node.put("watermark_before", v));
    r.watermarkAfter().ifPresent(v -> node.put("watermark_after", v));
    r.errorKind().ifPresent(v -> node.put("error_kind", v));
    r.error().ifPresent(v -> node.put("error", v));
    return node.toString();
  }

  /**
   * Reads one record.
   *
   * @throws IllegalArgumentException saying what is wrong when it is not a run record
   */
  public static RunRecord decode(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    try {
      return new RunRecord(
          required(node, "run_id"),
          required(node, "flow"),
          required(node, "entity"),
          Instant.parse(required(node, "started")),
          Instant.parse(required(node, "ended")),
          required(node, "status"),
          node.path("rows").asLong(),
          node.path("bytes").asLong(),
          node.path("files").asInt(),
          node.path("objects").asInt(),
          optional(node, "read"),
          optional(node, "watermark_before"),
          optional(node, "watermark_after"),
          optional(node, "error_kind"),
          optional(node, "error"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad time: " + e.getParsedString(), e);
    }
  }

  private static String required(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("'" + name + "' is missing");
    }
    return value.asText();
  }

  private static Optional<String> optional(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }
}
