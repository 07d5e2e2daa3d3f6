package dev.hygge.parquet;

import dev.hygge.parquet.BinaryReaders.DecimalFromBytesReader;
import dev.hygge.parquet.BinaryReaders.DecimalFromLongReader;
import dev.hygge.parquet.BinaryReaders.FixedBytesReader;
import dev.hygge.parquet.BinaryReaders.Int96TimestampReader;
import dev.hygge.parquet.BinaryReaders.LargeVariableWidthReader;
import dev.hygge.parquet.BinaryReaders.VariableWidthReader;
import dev.hygge.parquet.NestedReaders.FixedSizeListReader;
import dev.hygge.parquet.NestedReaders.LargeListReader;
import dev.hygge.parquet.NestedReaders.ListReader;
import dev.hygge.parquet.NestedReaders.StructReader;
import dev.hygge.parquet.PrimitiveReaders.BooleanReader;
import dev.hygge.parquet.PrimitiveReaders.ByteReader;
import dev.hygge.parquet.PrimitiveReaders.DoubleReader;
import dev.hygge.parquet.PrimitiveReaders.FloatReader;
import dev.hygge.parquet.PrimitiveReaders.IntReader;
import dev.hygge.parquet.PrimitiveReaders.IntToLongReader;
import dev.hygge.parquet.PrimitiveReaders.LongReader;
import dev.hygge.parquet.PrimitiveReaders.ShortReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Builds the reader tree for one top-level field of a row group from its Arrow vector and Parquet
 * type, computing each node's definition and repetition levels. Type dispatch happens here, once
 * per row group, never per value.
 */
final class FieldReaders {
  private static final int MILLIS_PER_SECOND = 1000;
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final Function<List<String>, ColumnReader> columns;

  private FieldReaders(Function<List<String>, ColumnReader> columns) {
    this.columns = columns;
  }

  /**
   * @param columns the column reader of a leaf, by its path in the Parquet schema
   */
  static FieldReader create(
      FieldVector vector, Type type, Function<List<String>, ColumnReader> columns) {
    return new FieldReaders(columns).create(vector, type, 0, 0, List.of());
  }

  private FieldReader create(
      FieldVector vector,
      Type type,
      int parentDefinition,
      int parentRepetition,
      List<String> path) {
    List<String> here = append(path, type.getName());
    if (type.isRepetition(Type.Repetition.REPEATED) && isRepeated(vector)) {
      // An unannotated repeated field: a list that is never null, one element per occurrence.
      int elements = parentDefinition + 1;
      int repetition = parentRepetition + 1;
      FieldReader element = present(child(vector), type, elements, repetition, here);
      return repeated(vector, parentDefinition, elements, repetition, element);
    }
    int definition = parentDefinition + (type.isRepetition(Type.Repetition.OPTIONAL) ? 1 : 0);
    return present(vector, type, definition, parentRepetition, here);
  }

  private FieldReader present(
      FieldVector vector, Type type, int definition, int repetition, List<String> path) {
    if (type.isPrimitive()) {
      return leaf(vector, type.asPrimitiveType(), columns.apply(path));
    }
    GroupType group = type.asGroupType();
    if (isRepeated(vector)) {
      ParquetListShape shape =
          vector instanceof MapVector
              ? ParquetListShape.ofMap(group)
              : ParquetListShape.ofList(group);
      int elements = definition + 1;
      int elementRepetition = repetition + 1;
      List<String> repeatedPath = append(path, shape.repeated().getName());
      FieldReader element =
          shape.elementIsRepeated()
              ? present(child(vector), shape.repeated(), elements, elementRepetition, repeatedPath)
              : create(child(vector), shape.element(), elements, elementRepetition, repeatedPath);
      return repeated(vector, definition, elements, elementRepetition, element);
    }
    StructVector struct = (StructVector) vector;
    List<FieldReader> children = new ArrayList<>();
    List<FieldVector> vectors = struct.getChildrenFromFields();
    for (int i = 0; i < vectors.size(); i++) {
      children.add(create(vectors.get(i), group.getType(i), definition, repetition, path));
    }
    return new StructReader(struct, definition, children);
  }

  private static boolean isRepeated(FieldVector vector) {
    return vector instanceof ListVector
        || vector instanceof LargeListVector
        || vector instanceof FixedSizeListVector;
  }

  private static FieldVector child(FieldVector vector) {
    return vector.getChildrenFromFields().get(0);
  }

  private static FieldReader repeated(
      FieldVector vector, int definition, int elements, int repetition, FieldReader element) {
    if (vector instanceof ListVector list) {
      return new ListReader(list, definition, elements, repetition, element);
    }
    if (vector instanceof LargeListVector list) {
      return new LargeListReader(list, definition, elements, repetition, element);
    }
    return new FixedSizeListReader(
        (FixedSizeListVector) vector, definition, elements, repetition, element);
  }

  private static List<String> append(List<String> path, String name) {
    List<String> result = new ArrayList<>(path);
    result.add(name);
    return result;
  }

  private static FieldReader leaf(FieldVector vector, PrimitiveType type, ColumnReader column) {
    if (vector instanceof BitVector bits) {
      return new BooleanReader(bits, column);
    }
    if (vector instanceof BaseVariableWidthVector variable) {
      return new VariableWidthReader(variable, column);
    }
    if (vector instanceof BaseLargeVariableWidthVector variable) {
      return new LargeVariableWidthReader(variable, column);
    }
    BaseFixedWidthVector fixed = (BaseFixedWidthVector) vector;
    ArrowType arrow = vector.getField().getType();
    PrimitiveTypeName physical = type.getPrimitiveTypeName();
    if (arrow instanceof ArrowType.Int t) {
      return switch (t.getBitWidth()) {
        case Byte.SIZE -> new ByteReader(fixed, column);
        case Short.SIZE -> new ShortReader(fixed, column);
        case Integer.SIZE -> new IntReader(fixed, column, 1);
        default -> new LongReader(fixed, column, 1);
      };
    }
    if (arrow instanceof ArrowType.FloatingPoint t) {
      return switch (t.getPrecision()) {
        case HALF -> new FixedBytesReader(fixed, column, Short.BYTES);
        case SINGLE -> new FloatReader(fixed, column);
        case DOUBLE -> new DoubleReader(fixed, column);
      };
    }
    if (arrow instanceof ArrowType.Decimal t) {
      int width = t.getBitWidth() / Byte.SIZE;
      return switch (physical) {
        case INT32 -> new DecimalFromLongReader(fixed, column, width, true);
        case INT64 -> new DecimalFromLongReader(fixed, column, width, false);
        default -> new DecimalFromBytesReader(fixed, column, width);
      };
    }
    if (arrow instanceof ArrowType.Date t) {
      return t.getUnit() == DateUnit.DAY
          ? new IntReader(fixed, column, 1)
          : new IntToLongReader(fixed, column, MILLIS_PER_DAY);
    }
    if (arrow instanceof ArrowType.Time t) {
      return switch (t.getUnit()) {
        case SECOND -> new IntReader(fixed, column, MILLIS_PER_SECOND);
        case MILLISECOND -> new IntReader(fixed, column, 1);
        default -> new LongReader(fixed, column, 1);
      };
    }
    if (arrow instanceof ArrowType.Timestamp t) {
      if (physical == PrimitiveTypeName.INT96) {
        return new Int96TimestampReader(fixed, column);
      }
      return new LongReader(fixed, column, t.getUnit() == TimeUnit.SECOND ? MILLIS_PER_SECOND : 1);
    }
    if (arrow instanceof ArrowType.FixedSizeBinary t) {
      return new FixedBytesReader(fixed, column, t.getByteWidth());
    }
    // Duration and any other eight-byte value stored as INT64.
    return new LongReader(fixed, column, 1);
  }
}
