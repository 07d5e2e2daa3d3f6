package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Finds the highest value of the watermark column in the batches a run writes. Called on the writer
 * thread only.
 */
final class WatermarkTracker {
  private final String entity;
  private final String column;
  private Watermark highest;

  WatermarkTracker(String entity, String column) {
    this.entity = requireNonNull(entity, "entity is null");
    this.column = requireNonNull(column, "column is null");
  }

  /** Looks at every non-null value of the column in one batch. */
  void observe(VectorSchemaRoot batch) {
    FieldVector vector = column(batch);
    for (int row = 0; row < batch.getRowCount(); row++) {
      if (!vector.isNull(row)) {
        Watermark value = value(vector, row);
        if (highest == null || value.compareWith(highest) > 0) {
          highest = value;
        }
      }
    }
  }

  /**
   * Whether the highest value seen so far is strictly below every value of the column in {@code
   * next}: false when no row seen had a value, or when {@code next} has a row without one or none
   * at all.
   */
  boolean below(VectorSchemaRoot next) {
    FieldVector vector = column(next);
    if (highest == null || next.getRowCount() == 0) {
      return false;
    }
    for (int row = 0; row < next.getRowCount(); row++) {
      if (vector.isNull(row) || value(vector, row).compareWith(highest) <= 0) {
        return false;
      }
    }
    return true;
  }

  private FieldVector column(VectorSchemaRoot batch) {
    FieldVector vector = batch.getVector(column);
    if (vector == null) {
      throw HyggeException.home(
          "Cannot track the watermark of entity "
              + entity
              + ": the home's rows have no column '"
              + column
              + "' (check watermark_column; column names are case-sensitive).",
          null);
    }
    return vector;
  }

  /** The highest value seen, if any row had one. */
  Optional<Watermark> highest() {
    return Optional.ofNullable(highest);
  }

  private Watermark value(FieldVector vector, int row) {
    if (vector instanceof TimeStampVector timestamps) {
      ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
      if (type.getTimezone() == null) {
        return new Watermark.Timestamp((LocalDateTime) timestamps.getObject(row));
      }
      return new Watermark.Moment(instant(timestamps.get(row), type.getUnit()));
    }
    if (vector instanceof DateDayVector days) {
      return new Watermark.Date(LocalDate.ofEpochDay(days.get(row)));
    }
    if (vector instanceof DateMilliVector millis) {
      return new Watermark.Date(millis.getObject(row).toLocalDate());
    }
    if (vector instanceof BaseIntVector ints) {
      return new Watermark.Whole(ints.getValueAsLong(row));
    }
    if (vector instanceof VarCharVector text) {
      return new Watermark.Text(text.getObject(row).toString());
    }
    throw unsupported(entity, column, vector.getField().getType().toString());
  }

  /** The instant {@code value} units after the epoch, as a zoned Arrow timestamp stores it. */
  private static Instant instant(long value, TimeUnit unit) {
    return switch (unit) {
      case SECOND -> Instant.ofEpochSecond(value);
      case MILLISECOND -> Instant.ofEpochMilli(value);
      case MICROSECOND -> Instant.EPOCH.plus(value, ChronoUnit.MICROS);
      case NANOSECOND -> Instant.EPOCH.plusNanos(value);
    };
  }

  static HyggeException unsupported(String entity, String column, String type) {
    return HyggeException.home(
        "Entity "
            + entity
            + " cannot use column '"
            + column
            + "' as its watermark: its type "
            + type
            + " is not a timestamp (with or without time zone), date, integer or text. Choose another"
            + " watermark_column, or cast it in a query:.",
        null);
  }
}
