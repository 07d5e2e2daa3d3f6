package dev.hygge.parquet;

import dev.hygge.HyggeException;
import dev.hygge.parquet.BinaryWriters.DecimalBytesWriter;
import dev.hygge.parquet.BinaryWriters.DecimalIntWriter;
import dev.hygge.parquet.BinaryWriters.DecimalLongWriter;
import dev.hygge.parquet.BinaryWriters.FixedWidthWriter;
import dev.hygge.parquet.BinaryWriters.LargeVariableWidthWriter;
import dev.hygge.parquet.BinaryWriters.VariableWidthWriter;
import dev.hygge.parquet.NestedWriters.FixedSizeListWriter;
import dev.hygge.parquet.NestedWriters.LargeListWriter;
import dev.hygge.parquet.NestedWriters.ListWriter;
import dev.hygge.parquet.NestedWriters.StructWriter;
import dev.hygge.parquet.PrimitiveWriters.BooleanWriter;
import dev.hygge.parquet.PrimitiveWriters.ByteWriter;
import dev.hygge.parquet.PrimitiveWriters.DateMilliWriter;
import dev.hygge.parquet.PrimitiveWriters.DoubleWriter;
import dev.hygge.parquet.PrimitiveWriters.FloatWriter;
import dev.hygge.parquet.PrimitiveWriters.IntWriter;
import dev.hygge.parquet.PrimitiveWriters.LongWriter;
import dev.hygge.parquet.PrimitiveWriters.ShortWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Builds the writer tree for one top-level Arrow field, matching the leaves of the Parquet schema
 * from {@link ArrowToParquetSchema} in order. The type dispatch happens here, once per chunk, never
 * per value.
 */
final class FieldWriters {
  private final ColumnWriteStore store;
  private final Iterator<ColumnDescriptor> leaves;
  private final ReusedBytes bytes;

  private FieldWriters(ColumnWriteStore store, Iterator<ColumnDescriptor> leaves) {
    this.store = store;
    this.leaves = leaves;
    this.bytes = new ReusedBytes();
  }

  /** One writer per top-level vector, in schema order. */
  static List<FieldWriter> create(
      List<FieldVector> vectors, List<ColumnDescriptor> columns, ColumnWriteStore store) {
    FieldWriters factory = new FieldWriters(store, columns.iterator());
    List<FieldWriter> writers = new ArrayList<>(vectors.size());
    for (FieldVector vector : vectors) {
      writers.add(factory.create(vector, 0));
    }
    return writers;
  }

  private FieldWriter create(FieldVector vector, int repetitionLevel) {
    Field field = vector.getField();
    boolean nullable = field.isNullable();
    ArrowType type = field.getType();
    if (type instanceof ArrowType.Struct) {
      List<FieldWriter> children = new ArrayList<>();
      for (FieldVector child : vector.getChildrenFromFields()) {
        children.add(create(child, repetitionLevel));
      }
      return new StructWriter(vector, nullable, children);
    }
    if (vector instanceof ListVector list) {
      // MapVector is a ListVector of key/value structs: the same levels.
      FieldWriter element = create(list.getDataVector(), repetitionLevel + 1);
      return new ListWriter(list, nullable, repetitionLevel + 1, element);
    }
    if (vector instanceof LargeListVector list) {
      FieldWriter element = create(list.getDataVector(), repetitionLevel + 1);
      return new LargeListWriter(list, nullable, repetitionLevel + 1, element);
    }
    if (vector instanceof FixedSizeListVector list) {
      FieldWriter element = create(list.getDataVector(), repetitionLevel + 1);
      return new FixedSizeListWriter(list, nullable, repetitionLevel + 1, element);
    }
    return leaf(vector, type, nullable);
  }

  private FieldWriter leaf(FieldVector vector, ArrowType type, boolean nullable) {
    ColumnDescriptor descriptor = leaves.next();
    WriterContext context =
        new WriterContext(
            store.getColumnWriter(descriptor), descriptor.getMaxDefinitionLevel(), nullable);
    if (vector instanceof BitVector bits) {
      return new BooleanWriter(bits, context);
    }
    if (vector instanceof BaseVariableWidthVector variable) {
      return new VariableWidthWriter(variable, context, bytes);
    }
    if (vector instanceof BaseLargeVariableWidthVector variable) {
      return new LargeVariableWidthWriter(variable, context, bytes);
    }
    if (!(vector instanceof BaseFixedWidthVector fixed)) {
      throw unsupported(vector);
    }
    if (type instanceof ArrowType.Int t) {
      return switch (t.getBitWidth()) {
        case Byte.SIZE -> new ByteWriter(fixed, context, !t.getIsSigned());
        case Short.SIZE -> new ShortWriter(fixed, context, !t.getIsSigned());
        case Integer.SIZE -> new IntWriter(fixed, context, 1);
        default -> new LongWriter(fixed, context, 1);
      };
    }
    if (type instanceof ArrowType.FloatingPoint t) {
      return switch (t.getPrecision()) {
        case HALF -> new FixedWidthWriter(fixed, context, Short.BYTES, bytes);
        case SINGLE -> new FloatWriter(fixed, context);
        case DOUBLE -> new DoubleWriter(fixed, context);
      };
    }
    if (type instanceof ArrowType.Decimal t) {
      int width = t.getBitWidth() / Byte.SIZE;
      PrimitiveType physical = descriptor.getPrimitiveType();
      if (physical.getPrimitiveTypeName() == PrimitiveTypeName.INT32) {
        return new DecimalIntWriter(fixed, context, width);
      }
      if (physical.getPrimitiveTypeName() == PrimitiveTypeName.INT64) {
        return new DecimalLongWriter(fixed, context, width);
      }
      return new DecimalBytesWriter(fixed, context, width, physical.getTypeLength());
    }
    if (type instanceof ArrowType.Date t) {
      return t.getUnit() == DateUnit.DAY
          ? new IntWriter(fixed, context, 1)
          : new DateMilliWriter(fixed, context);
    }
    if (type instanceof ArrowType.Time t) {
      return switch (t.getUnit()) {
        case SECOND -> new IntWriter(fixed, context, PrimitiveWriters.MILLIS_PER_SECOND);
        case MILLISECOND -> new IntWriter(fixed, context, 1);
        case MICROSECOND, NANOSECOND -> new LongWriter(fixed, context, 1);
      };
    }
    if (type instanceof ArrowType.Timestamp t) {
      long factor = t.getUnit() == TimeUnit.SECOND ? PrimitiveWriters.MILLIS_PER_SECOND : 1;
      return new LongWriter(fixed, context, factor);
    }
    if (type instanceof ArrowType.Duration) {
      return new LongWriter(fixed, context, 1);
    }
    if (type instanceof ArrowType.FixedSizeBinary t) {
      return new FixedWidthWriter(fixed, context, t.getByteWidth(), bytes);
    }
    throw unsupported(vector);
  }

  private static HyggeException unsupported(FieldVector vector) {
    return HyggeException.store(
        "Cannot write column '"
            + vector.getField().getName()
            + "' to Parquet: type "
            + vector.getField().getType()
            + " is not supported",
        null);
  }
}
