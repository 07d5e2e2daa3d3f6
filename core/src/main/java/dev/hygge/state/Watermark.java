package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The highest value of an entity's watermark column that a committed run loaded; the next run reads
 * rows past it. Each variant compares only with its own kind.
 */
public sealed interface Watermark
    permits Watermark.Timestamp, Watermark.Moment, Watermark.Date, Watermark.Whole, Watermark.Text {

  /** The kind of column. */
  WatermarkType type();

  /** The value as written in state files and shown to users, e.g. {@code 2024-05-01T10:00}. */
  String text();

  /** The value to bind as a JDBC parameter. */
  Object sqlValue();

  /**
   * This watermark moved back by a lookback.
   *
   * @throws IllegalArgumentException when the lookback does not fit this kind of column
   */
  Watermark minus(Lookback lookback);

  /**
   * Compares with a watermark of the same kind.
   *
   * @throws IllegalArgumentException when the kinds differ
   */
  int compareWith(Watermark other);

  /**
   * Parses a value of the given kind.
   *
   * @throws IllegalArgumentException saying which form is expected
   */
  static Watermark parse(WatermarkType type, String text) {
    requireNonNull(text, "text is null");
    String trimmed = text.trim();
    try {
      return switch (type) {
        case TIMESTAMP -> new Timestamp(timestamp(trimmed));
        case TIMESTAMPTZ -> new Moment(moment(trimmed));
        case DATE -> new Date(LocalDate.parse(trimmed));
        case INTEGER -> new Whole(Long.parseLong(trimmed));
        case STRING -> new Text(text);
      };
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a valid " + type.word() + " (" + example(type) + ")", e);
    }
  }

  private static LocalDateTime timestamp(String text) {
    if (text.length() == "yyyy-mm-dd".length()) {
      return LocalDate.parse(text).atStartOfDay();
    }
    return LocalDateTime.parse(text.replace(' ', 'T'));
  }

  /** An instant written with an offset, or without one meaning UTC. */
  private static Instant moment(String text) {
    String iso = text.replace(' ', 'T');
    if (iso.endsWith("Z") || iso.matches(".*T.*[+-][0-9]{2}(:?[0-9]{2})?$")) {
      return OffsetDateTime.parse(iso).toInstant();
    }
    return timestamp(text).toInstant(ZoneOffset.UTC);
  }

  private static String example(WatermarkType type) {
    return switch (type) {
      case TIMESTAMP -> "e.g. 2024-01-01 or 2024-01-01T08:30:00";
      case TIMESTAMPTZ ->
          "e.g. 2024-01-01T08:30:00Z or 2024-01-01T10:30:00+02:00; UTC if no offset";
      case DATE -> "e.g. 2024-01-01";
      case INTEGER -> "a whole number";
      case STRING -> "any text";
    };
  }

  private static IllegalArgumentException mismatch(Watermark a, Watermark b) {
    return new IllegalArgumentException(
        "cannot compare a watermark of kind "
            + a.type().word()
            + " with one of kind "
            + b.type().word());
  }

  /** A timestamp watermark. */
  record Timestamp(LocalDateTime value) implements Watermark {
    public Timestamp {
      requireNonNull(value, "value is null");
    }

    @Override
    public WatermarkType type() {
      return WatermarkType.TIMESTAMP;
    }

    @Override
    public String text() {
      return value.toString();
    }

    @Override
    public Object sqlValue() {
      return value;
    }

    @Override
    public Watermark minus(Lookback lookback) {
      return new Timestamp(value.minus(durationOf(lookback, "timestamp")));
    }

    @Override
    public int compareWith(Watermark other) {
      if (other instanceof Timestamp t) {
        return value.compareTo(t.value);
      }
      throw mismatch(this, other);
    }
  }

  /**
   * A watermark of a timestamp column with a time zone: an instant, written in UTC (e.g. {@code
   * 2024-05-01T10:00:00Z}) and bound as a UTC {@link OffsetDateTime} (TIMESTAMP WITH TIME ZONE).
   */
  record Moment(Instant value) implements Watermark {
    public Moment {
      requireNonNull(value, "value is null");
    }

    @Override
    public WatermarkType type() {
      return WatermarkType.TIMESTAMPTZ;
    }

    @Override
    public String text() {
      return value.toString();
    }

    @Override
    public Object sqlValue() {
      return OffsetDateTime.ofInstant(value, ZoneOffset.UTC);
    }

    @Override
    public Watermark minus(Lookback lookback) {
      return new Moment(value.minus(durationOf(lookback, "timestamptz")));
    }

    @Override
    public int compareWith(Watermark other) {
      if (other instanceof Moment m) {
        return value.compareTo(m.value);
      }
      throw mismatch(this, other);
    }
  }

  /** A lookback's duration, for a column of this kind; a number without a unit is refused. */
  private static Duration durationOf(Lookback lookback, String columnKind) {
    return lookback
        .duration()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "lookback '"
                        + lookback.text()
                        + "' has no unit; for a "
                        + columnKind
                        + " column write a duration such as 2h or 1d"));
  }

  /** A date watermark. */
  record Date(LocalDate value) implements Watermark {
    public Date {
      requireNonNull(value, "value is null");
    }

    @Override
    public WatermarkType type() {
      return WatermarkType.DATE;
    }

    @Override
    public String text() {
      return value.toString();
    }

    @Override
    public Object sqlValue() {
      return value;
    }

    @Override
    public Watermark minus(Lookback lookback) {
      Duration by = lookback.duration().orElse(Duration.ZERO);
      if (lookback.duration().isEmpty() || !by.equals(Duration.ofDays(by.toDays()))) {
        throw new IllegalArgumentException(
            "lookback '"
                + lookback.text()
                + "' is not whole days; for a date column write e.g. 1d");
      }
      return new Date(value.minusDays(by.toDays()));
    }

    @Override
    public int compareWith(Watermark other) {
      if (other instanceof Date d) {
        return value.compareTo(d.value);
      }
      throw mismatch(this, other);
    }
  }

  /** A whole-number watermark. */
  record Whole(long value) implements Watermark {
    @Override
    public WatermarkType type() {
      return WatermarkType.INTEGER;
    }

    @Override
    public String text() {
      return Long.toString(value);
    }

    @Override
    public Object sqlValue() {
      return value;
    }

    @Override
    public Watermark minus(Lookback lookback) {
      if (lookback.duration().isPresent()) {
        throw new IllegalArgumentException(
            "lookback '"
                + lookback.text()
                + "' is a duration; for an integer column write a number, e.g. 1000");
      }
      return new Whole(value - lookback.amount());
    }

    @Override
    public int compareWith(Watermark other) {
      if (other instanceof Whole w) {
        return Long.compare(value, w.value);
      }
      throw mismatch(this, other);
    }
  }

  /** A text watermark. */
  record Text(String value) implements Watermark {
    public Text {
      requireNonNull(value, "value is null");
    }

    @Override
    public WatermarkType type() {
      return WatermarkType.STRING;
    }

    @Override
    public String text() {
      return value;
    }

    @Override
    public Object sqlValue() {
      return value;
    }

    @Override
    public Watermark minus(Lookback lookback) {
      throw new IllegalArgumentException(
          "a string watermark column cannot have a lookback; remove 'lookback:'");
    }

    @Override
    public int compareWith(Watermark other) {
      if (other instanceof Text t) {
        return value.compareTo(t.value);
      }
      throw mismatch(this, other);
    }
  }
}
