package dev.hygge.jdbc.sqlserver;

import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Reads one Arrow column's value at a row as the object SQL Server's bulk copy expects for the
 * column's {@link SqlServerType}, or null. One class per Arrow type family, chosen once per batch.
 */
interface BulkColumn {

  /** The value at {@code row}, or null. */
  Object value(int row);

  /**
   * The reader for {@code vector}, chosen once per batch.
   *
   * @throws IllegalArgumentException for a vector type {@link SqlServerTypeMapping} does not map,
   *     which a store rejects before it opens a writer
   */
  static BulkColumn of(FieldVector vector) {
    if (vector instanceof BitVector typed) {
      return new BitBulkColumn(typed);
    }
    if (vector instanceof TinyIntVector
        || vector instanceof SmallIntVector
        || vector instanceof UInt1Vector) {
      return new ShortBulkColumn((BaseIntVector) vector);
    }
    if (vector instanceof IntVector || vector instanceof UInt2Vector) {
      return new IntBulkColumn((BaseIntVector) vector);
    }
    if (vector instanceof BigIntVector || vector instanceof UInt4Vector) {
      return new LongBulkColumn((BaseIntVector) vector);
    }
    if (vector instanceof Float4Vector typed) {
      return new RealBulkColumn(typed);
    }
    if (vector instanceof Float8Vector typed) {
      return new FloatBulkColumn(typed);
    }
    if (vector instanceof DecimalVector typed) {
      return new DecimalBulkColumn(typed);
    }
    if (vector instanceof VarCharVector typed) {
      return new TextBulkColumn(typed, typed::get);
    }
    if (vector instanceof LargeVarCharVector typed) {
      return new TextBulkColumn(typed, typed::get);
    }
    if (vector instanceof VarBinaryVector typed) {
      return new BinaryBulkColumn(typed, typed::get);
    }
    if (vector instanceof LargeVarBinaryVector typed) {
      return new BinaryBulkColumn(typed, typed::get);
    }
    if (vector instanceof FixedSizeBinaryVector typed) {
      return new BinaryBulkColumn(typed, typed::get);
    }
    if (vector instanceof DateDayVector typed) {
      return new DateBulkColumn(typed, typed::get);
    }
    if (vector instanceof DateMilliVector typed) {
      return new DateBulkColumn(
          typed, row -> Math.floorDiv(typed.get(row), TemporalText.MILLIS_PER_DAY));
    }
    if (vector instanceof TimeSecVector typed) {
      return new TimeBulkColumn(typed, typed::get, TemporalText.NANOS_PER_SECOND);
    }
    if (vector instanceof TimeMilliVector typed) {
      return new TimeBulkColumn(typed, typed::get, TemporalText.NANOS_PER_MILLI);
    }
    if (vector instanceof TimeMicroVector typed) {
      return new TimeBulkColumn(typed, typed::get, TemporalText.NANOS_PER_MICRO);
    }
    if (vector instanceof TimeNanoVector typed) {
      return new TimeBulkColumn(typed, typed::get, 1);
    }
    if (vector instanceof TimeStampVector typed) {
      ArrowType.Timestamp type = (ArrowType.Timestamp) typed.getField().getType();
      return new TimestampBulkColumn(
          typed, TemporalText.nanosPer(type.getUnit()), type.getTimezone() != null);
    }
    throw new IllegalArgumentException("no SQL Server bulk reader for " + vector.getField());
  }
}
