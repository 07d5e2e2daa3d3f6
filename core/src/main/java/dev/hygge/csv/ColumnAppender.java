package dev.hygge.csv;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Appends CSV field text to one Arrow vector, one small implementation per Arrow type, so the row
 * loop never switches on a type. Values arrive as UTF-8 byte ranges, already unquoted.
 */
interface ColumnAppender {

  /**
   * Parses the bytes {@code [start, end)} and sets them at {@code row}.
   *
   * @return false when the text is not a value of this column's type; the row is then left for the
   *     caller to overwrite or drop
   */
  boolean append(int row, byte[] bytes, int start, int end);

  /** Sets {@code row} to null. */
  void appendNull(int row);

  /** What a valid value looks like, for messages, e.g. {@code int64 (a whole number)}. */
  String expected();

  /**
   * The appender for a vector of one of the types {@link CsvColumnType} maps to.
   *
   * @throws IllegalArgumentException for any other vector
   */
  static ColumnAppender forVector(FieldVector vector) {
    if (vector instanceof VarCharVector v) {
      return new StringAppender(v);
    }
    if (vector instanceof IntVector v) {
      return new Int32Appender(v);
    }
    if (vector instanceof BigIntVector v) {
      return new Int64Appender(v);
    }
    if (vector instanceof Float8Vector v) {
      return new Float64Appender(v);
    }
    if (vector instanceof BitVector v) {
      return new BooleanAppender(v);
    }
    if (vector instanceof DateDayVector v) {
      return new DateAppender(v);
    }
    if (vector instanceof TimeStampMicroTZVector v) {
      return new TimestampTzAppender(v);
    }
    if (vector instanceof TimeStampMicroVector v) {
      return new TimestampAppender(v);
    }
    if (vector instanceof DecimalVector v) {
      return new DecimalAppender(v);
    }
    throw new IllegalArgumentException("no CSV appender for " + vector.getField());
  }
}
