package dev.hygge.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON form of one entity's state file. Reading checks every field, so a corrupt or hand-edited
 * file fails naming the file, the field and how to repair it.
 */
final class StateFileFormat {
  /** The format number written in every file; a newer one is refused rather than misread. */
  static final int FORMAT = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StateFileFormat() {}

  /** The file's bytes for a state at a version. */
  static byte[] encode(EntityState state, long version) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("flow", state.key().flow());
    root.put("entity", state.key().entity());
    root.put("version", version);
    state.lastRunId().ifPresent(id -> root.put("last_run_id", id));
    state
        .lease()
        .ifPresent(
            lease -> {
              ObjectNode node = root.putObject("lease");
              node.put("run_id", lease.runId());
              node.put("acquired", lease.acquired().toString());
              node.put("expires", lease.expires().toString());
            });
    state
        .watermark()
        .ifPresent(
            mark -> {
              ObjectNode node = root.putObject("watermark");
              node.put("column", mark.column());
              node.put("type", mark.value().type().word());
              node.put("value", mark.value().text());
            });
    ArrayNode objects = root.putArray("objects");
    for (JournalEntry entry : state.journal().entries()) {
      ObjectNode node = objects.addObject();
      node.put("location", entry.object().location());
      node.put("version", entry.object().version());
      node.put("run_id", entry.runId());
      node.put("loaded", entry.loaded().toString());
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new HyggeException(ErrorKind.INTERNAL, "Cannot encode state of " + state.key(), e);
    }
  }

  /** A parsed state file: the state and the version it carries. */
  record Parsed(EntityState state, long version) {}

  /**
   * Reads a state file.
   *
   * @param file the file, for messages
   * @throws HyggeException of kind STATE naming the file, the field and the repair
   */
  static Parsed decode(byte[] bytes, String file, EntityKey key) {
    JsonNode root;
    try {
      root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw corrupt(
          key, file, "it is not valid JSON" + where + " (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw corrupt(key, file, "it is not a JSON object");
    }
    Fields fields = new Fields(key, file);
    long format = fields.number(root, "format");
    if (format != FORMAT) {
      throw corrupt(
          key,
          file,
          "'format' is "
              + format
              + ", but this hygge reads format "
              + FORMAT
              + " (was it written by another hygge version?)");
    }
    String flow = fields.text(root, "flow");
    String entity = fields.text(root, "entity");
    if (!flow.equals(key.flow()) || !entity.equals(key.entity())) {
      throw corrupt(
          key,
          file,
          "it belongs to entity " + flow + "." + entity + ", not " + key.qualifiedName());
    }
    long version = fields.number(root, "version");
    Optional<String> lastRun =
        root.has("last_run_id") ? Optional.of(fields.text(root, "last_run_id")) : Optional.empty();
    Optional<Lease> lease = Optional.empty();
    if (root.has("lease")) {
      JsonNode node = fields.object(root, "lease");
      Instant acquired = fields.instant(node, "lease.acquired", "acquired");
      Instant expires = fields.instant(node, "lease.expires", "expires");
      if (expires.isBefore(acquired)) {
        throw corrupt(key, file, "'lease.expires' is before 'lease.acquired'");
      }
      lease = Optional.of(new Lease(fields.text(node, "run_id"), acquired, expires));
    }
    Optional<StoredWatermark> watermark = Optional.empty();
    if (root.has("watermark")) {
      watermark = Optional.of(watermark(fields, fields.object(root, "watermark")));
    }
    return new Parsed(
        new EntityState(key, lease, watermark, journal(fields, root), lastRun), version);
  }

  private static StoredWatermark watermark(Fields fields, JsonNode node) {
    String column = fields.text(node, "column");
    WatermarkType type;
    try {
      type = WatermarkType.ofWord(fields.text(node, "type"));
    } catch (IllegalArgumentException e) {
      throw fields.error("'watermark.type': " + e.getMessage());
    }
    try {
      return new StoredWatermark(column, Watermark.parse(type, fields.text(node, "value")));
    } catch (IllegalArgumentException e) {
      throw fields.error("'watermark.value': " + e.getMessage());
    }
  }

  private static ObjectJournal journal(Fields fields, JsonNode root) {
    if (!root.has("objects")) {
      return ObjectJournal.empty();
    }
    JsonNode objects = root.get("objects");
    if (!objects.isArray()) {
      throw fields.error("'objects' must be a list");
    }
    List<JournalEntry> entries = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      JsonNode node = objects.get(i);
      String at = "objects[" + i + "]";
      if (!node.isObject()) {
        throw fields.error("'" + at + "' must be an object");
      }
      entries.add(
          new JournalEntry(
              new ObjectVersion(
                  fields.text(node, at + ".location", "location"),
                  fields.text(node, at + ".version", "version")),
              fields.text(node, at + ".run_id", "run_id"),
              fields.instant(node, at + ".loaded", "loaded")));
    }
    return new ObjectJournal(entries);
  }

  static HyggeException corrupt(EntityKey key, String file, String problem) {
    return new HyggeException(
        ErrorKind.STATE,
        "The state of entity "
            + key.qualifiedName()
            + " in "
            + file
            + " is corrupt: "
            + problem
            + ". To repair it, fix that field, or run 'hygge reset --entity "
            + key.qualifiedName()
            + "' to forget the entity's state (its next run starts again from watermark_initial"
            + " and loads every file).");
  }

  /** Reads typed fields, failing with the field's path. */
  private record Fields(EntityKey key, String file) {
    HyggeException error(String problem) {
      return corrupt(key, file, problem);
    }

    String text(JsonNode node, String name) {
      return text(node, name, name);
    }

    String text(JsonNode node, String path, String name) {
      JsonNode value = node.get(name);
      if (value == null || !value.isTextual()) {
        throw error("'" + path + "' " + (value == null ? "is missing" : "must be text"));
      }
      return value.asText();
    }

    long number(JsonNode node, String name) {
      JsonNode value = node.get(name);
      if (value == null || !value.isIntegralNumber()) {
        throw error("'" + name + "' " + (value == null ? "is missing" : "must be a whole number"));
      }
      return value.asLong();
    }

    JsonNode object(JsonNode node, String name) {
      JsonNode value = node.get(name);
      if (value == null || !value.isObject()) {
        throw error("'" + name + "' must be an object");
      }
      return value;
    }

    Instant instant(JsonNode node, String path, String name) {
      String text = text(node, path, name);
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw error(
            "'" + path + "' is '" + text + "', not an instant such as 2024-01-01T08:00:00Z");
      }
    }
  }
}
