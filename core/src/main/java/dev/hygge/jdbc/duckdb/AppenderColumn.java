package dev.hygge.jdbc.duckdb;

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
import org.duckdb.DuckDBAppender;

/** Appends one Arrow column's value at a row through DuckDB's appender; one class per type. */
interface AppenderColumn {

  /** Appends the value at {@code row}, or NULL, as the next column of the current row. */
  void append(DuckDBAppender appender, int row) throws SQLException;

  /**
   * The appender column for {@code vector}, chosen once per batch.
   *
   * @throws IllegalArgumentException for a vector type the DuckDB dialect does not map, which its
   *     write mappings reject before a writer opens
   */
  static AppenderColumn of(FieldVector vector) {
    if (vector instanceof BitVector typed) {
      return new BitAppenderColumn(typed);
    }
    if (vector instanceof TinyIntVector typed) {
      return new TinyIntAppenderColumn(typed);
    }
    if (vector instanceof SmallIntVector typed) {
      return new SmallIntAppenderColumn(typed);
    }
    if (vector instanceof IntVector typed) {
      return new IntAppenderColumn(typed);
    }
    if (vector instanceof BigIntVector typed) {
      return new BigIntAppenderColumn(typed);
    }
    if (vector instanceof Float4Vector typed) {
      return new Float4AppenderColumn(typed);
    }
    if (vector instanceof Float8Vector typed) {
      return new Float8AppenderColumn(typed);
    }
    if (vector instanceof VarCharVector typed) {
      return new VarCharAppenderColumn(typed);
    }
    if (vector instanceof LargeVarCharVector typed) {
      return new LargeVarCharAppenderColumn(typed);
    }
    if (vector instanceof VarBinaryVector typed) {
      return new VarBinaryAppenderColumn(typed);
    }
    if (vector instanceof DateDayVector typed) {
      return new DateDayAppenderColumn(typed);
    }
    if (vector instanceof TimeStampMicroVector typed) {
      return new TimeStampMicroAppenderColumn(typed);
    }
    if (vector instanceof TimeStampMicroTZVector typed) {
      return new TimeStampMicroAppenderColumn(typed);
    }
    if (vector instanceof TimeMicroVector typed) {
      return new TimeMicroAppenderColumn(typed);
    }
    if (vector instanceof DecimalVector typed) {
      return new DecimalAppenderColumn(typed);
    }
    throw new IllegalArgumentException("no DuckDB appender column for " + vector.getField());
  }
}
