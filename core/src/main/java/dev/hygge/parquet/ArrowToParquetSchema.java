package dev.hygge.parquet;

import dev.hygge.HyggeException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * Maps an Arrow schema to the Parquet schema Arrow C++ would write for it: decimals by precision
 * into INT32, INT64 or FIXED_LEN_BYTE_ARRAY, three-level lists, MAP key_value groups, seconds
 * widened to milliseconds, dictionary-encoded fields as their value type.
 */
final class ArrowToParquetSchema {
  static final String MESSAGE_NAME = "schema";
  static final String LIST_GROUP = "list";
  static final String LIST_ELEMENT = "element";
  static final String MAP_GROUP = "key_value";
  private static final int INT32_DECIMAL_DIGITS = 9;
  private static final int INT64_DECIMAL_DIGITS = 18;

  private ArrowToParquetSchema() {}

  static MessageType convert(Schema schema) {
    List<Type> fields = new ArrayList<>();
    for (Field field : schema.getFields()) {
      for (Field child : field.getChildren()) {
        rejectNestedDictionaries(child, field.getName() + "." + child.getName());
      }
      fields.add(convert(field, field.getName(), field.getName()));
    }
    return new MessageType(MESSAGE_NAME, fields);
  }

  private static void rejectNestedDictionaries(Field field, String path) {
    if (field.getDictionary() != null) {
      throw unsupported(path, "dictionary-encoded " + field.getType() + " inside a nested type");
    }
    for (Field child : field.getChildren()) {
      rejectNestedDictionaries(child, path + "." + child.getName());
    }
  }

  /** The Parquet type of one top-level Arrow field. */
  static Type convert(Field field) {
    return convert(field, field.getName(), field.getName());
  }

  /** Bytes of the smallest two's-complement integer that holds every decimal of a precision. */
  static int decimalBytes(int precision) {
    return (int) Math.ceil((precision * Math.log(10) / Math.log(2) + 1) / Byte.SIZE);
  }

  private static Type convert(Field field, String name, String path) {
    Repetition repetition = field.isNullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
    ArrowType type = field.getType();
    if (type instanceof ArrowType.Struct) {
      if (field.getChildren().isEmpty()) {
        throw unsupported(path, "struct without fields (Parquet groups need at least one field)");
      }
      List<Type> children = new ArrayList<>();
      for (Field child : field.getChildren()) {
        children.add(convert(child, child.getName(), path + "." + child.getName()));
      }
      return Types.buildGroup(repetition).addFields(children.toArray(new Type[0])).named(name);
    }
    if (type instanceof ArrowType.Map) {
      Field entries = field.getChildren().get(0);
      Field key = entries.getChildren().get(0);
      Field value = entries.getChildren().get(1);
      return Types.buildGroup(repetition)
          .as(LogicalTypeAnnotation.mapType())
          .addField(
              Types.repeatedGroup()
                  .addField(convert(key, "key", path + ".key"))
                  .addField(convert(value, "value", path + ".value"))
                  .named(MAP_GROUP))
          .named(name);
    }
    if (type instanceof ArrowType.List
        || type instanceof ArrowType.LargeList
        || type instanceof ArrowType.FixedSizeList) {
      Field element = field.getChildren().get(0);
      return Types.buildGroup(repetition)
          .as(LogicalTypeAnnotation.listType())
          .addField(
              Types.repeatedGroup()
                  .addField(convert(element, LIST_ELEMENT, path + "[]"))
                  .named(LIST_GROUP))
          .named(name);
    }
    return primitive(type, repetition, name, path);
  }

  private static Type primitive(ArrowType type, Repetition repetition, String name, String path) {
    if (type instanceof ArrowType.Bool) {
      return Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
    }
    if (type instanceof ArrowType.Int t) {
      PrimitiveTypeName physical =
          t.getBitWidth() == Long.SIZE ? PrimitiveTypeName.INT64 : PrimitiveTypeName.INT32;
      return Types.primitive(physical, repetition)
          .as(LogicalTypeAnnotation.intType(t.getBitWidth(), t.getIsSigned()))
          .named(name);
    }
    if (type instanceof ArrowType.FloatingPoint t) {
      return switch (t.getPrecision()) {
        case HALF ->
            Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
                .length(Short.BYTES)
                .as(LogicalTypeAnnotation.float16Type())
                .named(name);
        case SINGLE -> Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
        case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
      };
    }
    if (type instanceof ArrowType.Decimal t) {
      LogicalTypeAnnotation decimal =
          LogicalTypeAnnotation.decimalType(t.getScale(), t.getPrecision());
      if (t.getBitWidth() == 128 && t.getPrecision() <= INT32_DECIMAL_DIGITS) {
        return Types.primitive(PrimitiveTypeName.INT32, repetition).as(decimal).named(name);
      }
      if (t.getBitWidth() == 128 && t.getPrecision() <= INT64_DECIMAL_DIGITS) {
        return Types.primitive(PrimitiveTypeName.INT64, repetition).as(decimal).named(name);
      }
      return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
          .length(decimalBytes(t.getPrecision()))
          .as(decimal)
          .named(name);
    }
    if (type instanceof ArrowType.Date) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition)
          .as(LogicalTypeAnnotation.dateType())
          .named(name);
    }
    if (type instanceof ArrowType.Time t) {
      return switch (t.getUnit()) {
        case SECOND, MILLISECOND ->
            Types.primitive(PrimitiveTypeName.INT32, repetition)
                .as(LogicalTypeAnnotation.timeType(false, TimeUnit.MILLIS))
                .named(name);
        case MICROSECOND ->
            Types.primitive(PrimitiveTypeName.INT64, repetition)
                .as(LogicalTypeAnnotation.timeType(false, TimeUnit.MICROS))
                .named(name);
        case NANOSECOND ->
            Types.primitive(PrimitiveTypeName.INT64, repetition)
                .as(LogicalTypeAnnotation.timeType(false, TimeUnit.NANOS))
                .named(name);
      };
    }
    if (type instanceof ArrowType.Timestamp t) {
      boolean utc = t.getTimezone() != null;
      TimeUnit unit =
          switch (t.getUnit()) {
            case SECOND, MILLISECOND -> TimeUnit.MILLIS;
            case MICROSECOND -> TimeUnit.MICROS;
            case NANOSECOND -> TimeUnit.NANOS;
          };
      return Types.primitive(PrimitiveTypeName.INT64, repetition)
          .as(LogicalTypeAnnotation.timestampType(utc, unit))
          .named(name);
    }
    if (type instanceof ArrowType.Duration) {
      return Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
    }
    if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8) {
      return Types.primitive(PrimitiveTypeName.BINARY, repetition)
          .as(LogicalTypeAnnotation.stringType())
          .named(name);
    }
    if (type instanceof ArrowType.Binary || type instanceof ArrowType.LargeBinary) {
      return Types.primitive(PrimitiveTypeName.BINARY, repetition).named(name);
    }
    if (type instanceof ArrowType.FixedSizeBinary t) {
      return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
          .length(t.getByteWidth())
          .named(name);
    }
    throw unsupported(path, type.toString());
  }

  private static HyggeException unsupported(String column, String type) {
    return HyggeException.store(
        "Cannot write column '"
            + column
            + "' to Parquet: type "
            + type
            + " is not supported (cast it to a supported type, e.g. a string or a number)",
        null);
  }
}
