package dev.hygge.state;

import java.util.Locale;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** The kinds of column a watermark can follow; each sorts in its own natural order. */
public enum WatermarkType {
  /** A timestamp without time zone, to the microsecond. */
  TIMESTAMP,
  /** A timestamp with a time zone: an instant, kept and compared in UTC. */
  TIMESTAMPTZ,
  /** A calendar date. */
  DATE,
  /** A whole number, such as an increasing id. */
  INTEGER,
  /** Text that sorts, compared as the database compares it. */
  STRING;

  /** The word used in state files, e.g. {@code timestamp}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The type a state file names.
   *
   * @throws IllegalArgumentException for an unknown word
   */
  public static WatermarkType ofWord(String word) {
    for (WatermarkType type : values()) {
      if (type.word().equals(word)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "'" + word + "' is not a watermark type (timestamp, timestamptz, date, integer or string)");
  }

  /** The kind of watermark an Arrow column of this type holds; empty when it cannot be one. */
  public static Optional<WatermarkType> of(ArrowType type) {
    if (type instanceof ArrowType.Timestamp t) {
      return Optional.of(t.getTimezone() == null ? TIMESTAMP : TIMESTAMPTZ);
    }
    if (type instanceof ArrowType.Date) {
      return Optional.of(DATE);
    }
    if (type instanceof ArrowType.Int) {
      return Optional.of(INTEGER);
    }
    if (type instanceof ArrowType.Utf8) {
      return Optional.of(STRING);
    }
    return Optional.empty();
  }
}
