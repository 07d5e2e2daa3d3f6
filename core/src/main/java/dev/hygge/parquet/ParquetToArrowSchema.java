package dev.hygge.parquet;

import dev.hygge.HyggeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Maps a Parquet schema to Arrow. A stored {@code ARROW:schema} wins for every top-level field
 * whose Parquet layout is exactly what that Arrow field writes as; other fields map from Parquet
 * logical types. Dictionary-encoded Arrow fields read as their value type.
 */
final class ParquetToArrowSchema {
  private static final int DECIMAL128_MAX_PRECISION = 38;
  private static final int DECIMAL128_BITS = 128;
  private static final int DECIMAL256_BITS = 256;

  private final String source;

  private ParquetToArrowSchema(String source) {
    this.source = source;
  }

  /**
   * @param source what is being read, for messages (a file name)
   * @throws HyggeException of kind HOME naming the column and type Arrow cannot hold
   */
  static Schema convert(MessageType message, Map<String, String> metadata, String source) {
    Optional<Schema> stored =
        Optional.ofNullable(metadata.get(ArrowSchemaMetadata.KEY))
            .flatMap(ArrowSchemaMetadata::decode);
    ParquetToArrowSchema mapping = new ParquetToArrowSchema(source);
    List<Field> fields = new ArrayList<>();
    for (Type type : message.getFields()) {
      Optional<Field> restored =
          stored.flatMap(schema -> storedField(schema, type)).map(ParquetToArrowSchema::decoded);
      fields.add(restored.orElseGet(() -> mapping.field(type, type.getName())));
    }
    return new Schema(fields);
  }

  private static Optional<Field> storedField(Schema schema, Type type) {
    for (Field field : schema.getFields()) {
      if (field.getName().equals(type.getName()) && writesAs(decoded(field), type)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  private static boolean writesAs(Field field, Type type) {
    try {
      return ArrowToParquetSchema.convert(field).equals(type);
    } catch (HyggeException e) {
      // A stored type hygge cannot write cannot be read back exactly either: map from Parquet.
      return false;
    }
  }

  /** The field with every dictionary encoding replaced by its value type. */
  static Field decoded(Field field) {
    List<Field> children = new ArrayList<>();
    for (Field child : field.getChildren()) {
      children.add(decoded(child));
    }
    FieldType type = new FieldType(field.isNullable(), field.getType(), null, field.getMetadata());
    return new Field(field.getName(), type, children);
  }

  private Field field(Type type, String path) {
    if (type.isRepetition(Type.Repetition.REPEATED)) {
      Field element = value(type, type.getName(), false, path + "[]");
      return new Field(
          type.getName(), FieldType.notNullable(ArrowType.List.INSTANCE), List.of(element));
    }
    return value(type, type.getName(), type.isRepetition(Type.Repetition.OPTIONAL), path);
  }

  private Field value(Type type, String name, boolean nullable, String path) {
    if (type.isPrimitive()) {
      return new Field(
          name, new FieldType(nullable, primitive(type.asPrimitiveType(), path), null), null);
    }
    GroupType group = type.asGroupType();
    if (ParquetListShape.isMap(group)) {
      GroupType entries = ParquetListShape.ofMap(group).repeated().asGroupType();
      Field key = rename(field(entries.getType(0), path + ".key"), MapVector.KEY_NAME, false);
      Field value = rename(field(entries.getType(1), path + ".value"), MapVector.VALUE_NAME, null);
      Field entry =
          new Field(
              MapVector.DATA_VECTOR_NAME,
              FieldType.notNullable(ArrowType.Struct.INSTANCE),
              List.of(key, value));
      return new Field(
          name, new FieldType(nullable, new ArrowType.Map(false), null), List.of(entry));
    }
    if (ParquetListShape.isList(group)) {
      ParquetListShape shape = ParquetListShape.ofList(group);
      Field element =
          shape.elementIsRepeated()
              ? value(shape.element(), shape.element().getName(), false, path + "[]")
              : field(shape.element(), path + "[]");
      return new Field(
          name, new FieldType(nullable, ArrowType.List.INSTANCE, null), List.of(element));
    }
    List<Field> children = new ArrayList<>();
    for (Type child : group.getFields()) {
      children.add(field(child, path + "." + child.getName()));
    }
    return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), children);
  }

  private static Field rename(Field field, String name, Boolean nullable) {
    boolean isNullable = nullable == null ? field.isNullable() : nullable;
    return new Field(
        name,
        new FieldType(isNullable, field.getType(), null, field.getMetadata()),
        field.getChildren());
  }

  private ArrowType primitive(PrimitiveType type, String path) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    switch (type.getPrimitiveTypeName()) {
      case BOOLEAN:
        return ArrowType.Bool.INSTANCE;
      case INT32:
      case INT64:
        return integer(type, logical, path);
      case INT96:
        return new ArrowType.Timestamp(TimeUnit.NANOSECOND, null);
      case FLOAT:
        return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case DOUBLE:
        return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case BINARY:
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
          return decimal(decimal);
        }
        if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
            || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
          return ArrowType.Utf8.INSTANCE;
        }
        return ArrowType.Binary.INSTANCE;
      case FIXED_LEN_BYTE_ARRAY:
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
          return decimal(decimal);
        }
        if (logical instanceof LogicalTypeAnnotation.Float16LogicalTypeAnnotation) {
          return new ArrowType.FloatingPoint(FloatingPointPrecision.HALF);
        }
        if (logical instanceof LogicalTypeAnnotation.IntervalLogicalTypeAnnotation) {
          throw unsupported(path, type);
        }
        return new ArrowType.FixedSizeBinary(type.getTypeLength());
      default:
        throw unsupported(path, type);
    }
  }

  private ArrowType integer(PrimitiveType type, LogicalTypeAnnotation logical, String path) {
    boolean int64 = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64;
    if (logical == null) {
      return new ArrowType.Int(int64 ? Long.SIZE : Integer.SIZE, true);
    }
    if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation t) {
      return new ArrowType.Int(t.getBitWidth(), t.isSigned());
    }
    if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
      return decimal(decimal);
    }
    if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation && !int64) {
      return new ArrowType.Date(DateUnit.DAY);
    }
    if (logical instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation t) {
      TimeUnit unit = unit(t.getUnit());
      return new ArrowType.Time(unit, unit == TimeUnit.MILLISECOND ? Integer.SIZE : Long.SIZE);
    }
    if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t && int64) {
      return new ArrowType.Timestamp(unit(t.getUnit()), t.isAdjustedToUTC() ? "UTC" : null);
    }
    throw unsupported(path, type);
  }

  private static TimeUnit unit(LogicalTypeAnnotation.TimeUnit unit) {
    return switch (unit) {
      case MILLIS -> TimeUnit.MILLISECOND;
      case MICROS -> TimeUnit.MICROSECOND;
      case NANOS -> TimeUnit.NANOSECOND;
    };
  }

  private static ArrowType decimal(LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
    int bits =
        decimal.getPrecision() <= DECIMAL128_MAX_PRECISION ? DECIMAL128_BITS : DECIMAL256_BITS;
    return new ArrowType.Decimal(decimal.getPrecision(), decimal.getScale(), bits);
  }

  private HyggeException unsupported(String path, PrimitiveType type) {
    return HyggeException.home(
        "Cannot read column '"
            + path
            + "' of "
            + source
            + ": Parquet type "
            + type
            + " has no Arrow equivalent hygge supports (leave the column out with 'columns:')",
        null);
  }
}
