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
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Encodes one Arrow column's value at a row as a field of PostgreSQL's binary {@code COPY} format:
 * a 4-byte length ({@code -1} for NULL) and the value in the type's binary send format. One class
 * per Arrow type.
 */
interface CopyColumn {
  /** The length written for a NULL field. */
  int NULL_LENGTH = -1;

  /** Bytes of a field's length word. */
  int LENGTH_BYTES = Integer.BYTES;

  /** Writes the field at {@code row}. */
  void write(int row, CopyBuffer out) throws SQLException;

  /**
   * The encoder for {@code vector}, chosen once per batch.
   *
   * @throws IllegalArgumentException for a vector type the PostgreSQL dialect does not map, which
   *     its write mappings reject before a writer opens
   */
  static CopyColumn of(FieldVector vector) {
    if (vector instanceof BitVector typed) {
      return new BoolCopyColumn(typed);
    }
    if (vector instanceof TinyIntVector typed) {
      return new TinyIntCopyColumn(typed);
    }
    if (vector instanceof SmallIntVector typed) {
      return new Int2CopyColumn(typed);
    }
    if (vector instanceof IntVector typed) {
      return new Int4CopyColumn(typed);
    }
    if (vector instanceof BigIntVector typed) {
      return new Int8CopyColumn(typed);
    }
    if (vector instanceof Float4Vector typed) {
      return new Float4CopyColumn(typed);
    }
    if (vector instanceof Float8Vector typed) {
      return new Float8CopyColumn(typed);
    }
    if (vector instanceof VarCharVector typed) {
      return new TextCopyColumn(typed);
    }
    if (vector instanceof LargeVarCharVector typed) {
      return new LargeTextCopyColumn(typed);
    }
    if (vector instanceof VarBinaryVector typed) {
      return new ByteaCopyColumn(typed);
    }
    if (vector instanceof DateDayVector typed) {
      return new DateCopyColumn(typed);
    }
    if (vector instanceof TimeStampMicroVector typed) {
      return new TimestampCopyColumn(typed);
    }
    if (vector instanceof TimeStampMicroTZVector typed) {
      return new TimestampCopyColumn(typed);
    }
    if (vector instanceof TimeMicroVector typed) {
      return new TimeCopyColumn(typed);
    }
    if (vector instanceof DecimalVector typed) {
      return new NumericCopyColumn(typed);
    }
    throw new IllegalArgumentException("no PostgreSQL COPY encoder for " + vector.getField());
  }
}
