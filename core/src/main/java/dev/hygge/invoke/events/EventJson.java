package dev.hygge.invoke.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads event payloads as JSON and binds their parts to the payload records, turning every problem
 * into a CONFIG error that names the field path, the payload shape and what was expected.
 */
final class EventJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private EventJson() {}

  /** The payload as a JSON tree. */
  static JsonNode read(byte[] payload, String what) {
    try {
      JsonNode node = MAPPER.readTree(payload);
      if (node == null || node.isMissingNode()) {
        throw HyggeException.config(what + " is empty: expected a JSON event.");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          what + " is not JSON (" + e.getOriginalMessage() + "): expected a JSON event.",
          e);
    } catch (IOException e) {
      throw new HyggeException(ErrorKind.CONFIG, what + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Whether these bytes look like a JSON object or array (after leading white space). */
  static boolean looksLikeJson(byte[] payload) {
    for (byte b : payload) {
      if (!Character.isWhitespace(b)) {
        return b == '{' || b == '[';
      }
    }
    return false;
  }

  /** Binds a JSON object to a payload record. */
  static <T> T bind(JsonNode node, Class<T> type, String path, String shape) {
    if (!node.isObject()) {
      throw HyggeException.config(
          (path.isEmpty() ? "The payload" : path)
              + " is not a JSON object in the "
              + shape
              + ": expected {...}.");
    }
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonMappingException e) {
      String field = at(path, fieldPath(e));
      throw new HyggeException(
          ErrorKind.CONFIG,
          field + " has the wrong type in the " + shape + ": " + e.getOriginalMessage(),
          e);
    } catch (JsonProcessingException e) {
      throw new HyggeException(
          ErrorKind.CONFIG, "Cannot read the " + shape + ": " + e.getOriginalMessage(), e);
    }
  }

  /** A present, non-blank text field. */
  static String text(String value, String path, String shape) {
    if (value == null || value.isBlank()) {
      throw missing(path, shape);
    }
    return value;
  }

  /** A present field. */
  static <T> T present(T value, String path, String shape) {
    if (value == null) {
      throw missing(path, shape);
    }
    return value;
  }

  /** An optional ISO-8601 time with an offset. */
  static Optional<Instant> time(String value, String path, String shape) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          path
              + " is '"
              + value
              + "' in the "
              + shape
              + ": expected an ISO-8601 time such as 2026-01-31T12:00:00Z.",
          e);
    }
  }

  /** An optional size that the payload writes as a JSON number. */
  static OptionalLong size(Long value, String path, String shape) {
    if (value == null) {
      return OptionalLong.empty();
    }
    if (value < 0) {
      throw HyggeException.config(
          path + " is " + value + " in the " + shape + ": expected a size in bytes (0 or more).");
    }
    return OptionalLong.of(value);
  }

  /** An optional size that the payload writes as a decimal string (Cloud Storage does). */
  static OptionalLong size(String value, String path, String shape) {
    if (value == null || value.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      return size(Long.valueOf(value), path, shape);
    } catch (NumberFormatException e) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          path + " is '" + value + "' in the " + shape + ": expected a size in bytes.",
          e);
    }
  }

  /** Base64 text decoded (standard alphabet, as Pub/Sub and Storage Queues write it). */
  static byte[] base64(String value, String path, String shape) {
    try {
      return Base64.getMimeDecoder().decode(text(value, path, shape));
    } catch (IllegalArgumentException e) {
      throw new HyggeException(
          ErrorKind.CONFIG, path + " is not base64 in the " + shape + ": " + e.getMessage(), e);
    }
  }

  /** The text of a field, if it is a JSON string. */
  static Optional<String> textAt(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  /** {@code prefix.field}, or just {@code field} at the top. */
  static String at(String prefix, String field) {
    if (prefix.isEmpty()) {
      return field;
    }
    if (field.isEmpty()) {
      return prefix;
    }
    return field.startsWith("[") ? prefix + field : prefix + "." + field;
  }

  private static HyggeException missing(String path, String shape) {
    return HyggeException.config(path + " is missing in the " + shape + ".");
  }

  private static String fieldPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
