package dev.hygge.jdbc.postgres;

import java.sql.SQLException;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Decodes one field of PostgreSQL's binary {@code COPY} format (the value in the type's binary send
 * format) into an Arrow vector at a row. One class per Arrow type; the Arrow type comes from the
 * dialect's read mapping, so a column reads into the same type as through the JDBC reader.
 */
interface CopyFieldReader {

  /** Reads the field's {@code length} bytes, already available in {@code in}, into {@code row}. */
  void read(CopyInput in, int length, int row) throws SQLException;

  /** Marks {@code row} NULL. */
  void setNull(int row);

  /**
   * The reader filling {@code vector}, chosen once per column.
   *
   * @throws IllegalArgumentException for a vector type no PostgreSQL read mapping produces
   */
  static CopyFieldReader of(FieldVector vector) {
    if (vector instanceof BitVector typed) {
      return new BoolFieldReader(typed);
    }
    if (vector instanceof SmallIntVector typed) {
      return new Int2FieldReader(typed);
    }
    if (vector instanceof IntVector typed) {
      return new Int4FieldReader(typed);
    }
    if (vector instanceof BigIntVector typed) {
      return new Int8FieldReader(typed);
    }
    if (vector instanceof Float4Vector typed) {
      return new Float4FieldReader(typed);
    }
    if (vector instanceof Float8Vector typed) {
      return new Float8FieldReader(typed);
    }
    if (vector instanceof VarCharVector typed) {
      return new TextFieldReader(typed);
    }
    if (vector instanceof VarBinaryVector typed) {
      return new ByteaFieldReader(typed);
    }
    if (vector instanceof DateDayVector typed) {
      return new DateFieldReader(typed);
    }
    if (vector instanceof TimeStampVector typed) {
      return new TimestampFieldReader(typed);
    }
    if (vector instanceof TimeMicroVector typed) {
      return new TimeFieldReader(typed);
    }
    if (vector instanceof DecimalVector typed) {
      return new NumericFieldReader(typed);
    }
    throw new IllegalArgumentException("no PostgreSQL COPY decoder for " + vector.getField());
  }
}
