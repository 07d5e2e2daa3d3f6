package dev.hygge.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.*;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Turns an Arrow value and a DuckDB JDBC value of the same column into comparable canonical
 * strings, so DuckDB's reading of a file and hygge's can be compared value by value.
 */
final class CanonicalValues {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CanonicalValues() {}

  /** The DuckDB select expression for a column: nested values as JSON. */
  static String duckExpression(Field field) {
    String name = "\"" + field.getName() + "\"";
    ArrowType type = field.getType();
    if (type instanceof ArrowType.Map) {
      return "to_json(map_entries(" + name + "))::VARCHAR";
    }
    if (!field.getChildren().isEmpty()) {
      return "to_json(" + name + ")::VARCHAR";
    }
    return name;
  }

  static String arrow(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return "null";
    }
    ArrowType type = vector.getField().getType();
    if (!vector.getField().getChildren().isEmpty()) {
      return json(vector.getObject(row).toString());
    }
    if (vector instanceof UInt1Vector v) {
      return String.valueOf(Byte.toUnsignedInt(v.get(row)));
    }
    if (vector instanceof UInt2Vector v) {
      return String.valueOf((int) v.get(row));
    }
    if (vector instanceof UInt4Vector v) {
      return Integer.toUnsignedString(v.get(row));
    }
    if (vector instanceof UInt8Vector v) {
      return Long.toUnsignedString(v.get(row));
    }
    if (vector instanceof Float4Vector v) {
      return Float.toString(v.get(row));
    }
    if (vector instanceof DecimalVector v) {
      return number(v.getObject(row));
    }
    if (type instanceof ArrowType.Date) {
      long days =
          vector instanceof DateDayVector d
              ? d.get(row)
              : ((DateMilliVector) vector).get(row) / 86_400_000L;
      return LocalDate.ofEpochDay(days).toString();
    }
    if (type instanceof ArrowType.Time t) {
      long value;
      if (vector instanceof TimeSecVector v) {
        value = v.get(row);
      } else if (vector instanceof TimeMilliVector v) {
        value = v.get(row);
      } else if (vector instanceof TimeMicroVector v) {
        value = v.get(row);
      } else {
        value = ((TimeNanoVector) vector).get(row);
      }
      return LocalTime.ofNanoOfDay(toNanos(value, t.getUnit())).toString();
    }
    if (vector instanceof TimeStampVector v) {
      ArrowType.Timestamp t = (ArrowType.Timestamp) type;
      long nanos = toNanos(v.get(row), t.getUnit());
      Instant instant =
          Instant.ofEpochSecond(
              Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
      return t.getTimezone() == null
          ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString()
          : instant.toString();
    }
    if (vector instanceof DurationVector v) {
      return String.valueOf(DurationVector.get(v.getDataBuffer(), row));
    }
    Object value = vector.getObject(row);
    if (value instanceof byte[] bytes) {
      return Arrays.toString(bytes);
    }
    return value.toString();
  }

  static String jdbc(ResultSet rs, int column, Field field) throws SQLException {
    Object raw = rs.getObject(column);
    if (raw == null) {
      return "null";
    }
    ArrowType type = field.getType();
    if (!field.getChildren().isEmpty()) {
      return json(rs.getString(column));
    }
    if (type instanceof ArrowType.FloatingPoint f) {
      return f.getPrecision() == org.apache.arrow.vector.types.FloatingPointPrecision.SINGLE
          ? Float.toString(rs.getFloat(column))
          : Double.toString(rs.getDouble(column));
    }
    if (type instanceof ArrowType.Decimal) {
      return number(rs.getBigDecimal(column));
    }
    if (type instanceof ArrowType.Date) {
      return rs.getObject(column, LocalDate.class).toString();
    }
    if (type instanceof ArrowType.Time) {
      return LocalTime.parse(rs.getString(column)).toString();
    }
    if (type instanceof ArrowType.Timestamp t) {
      if (t.getTimezone() == null) {
        return rs.getObject(column, LocalDateTime.class).toString();
      }
      return rs.getObject(column, OffsetDateTime.class).toInstant().toString();
    }
    if (type instanceof ArrowType.Bool) {
      return String.valueOf(rs.getBoolean(column));
    }
    if (raw instanceof UUID uuid) {
      ByteBuffer bytes = ByteBuffer.allocate(16);
      bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
      return Arrays.toString(bytes.array());
    }
    if (type instanceof ArrowType.Binary
        || type instanceof ArrowType.LargeBinary
        || type instanceof ArrowType.FixedSizeBinary) {
      return Arrays.toString(rs.getBytes(column));
    }
    return rs.getString(column);
  }

  private static long toNanos(long value, org.apache.arrow.vector.types.TimeUnit unit) {
    return switch (unit) {
      case SECOND -> TimeUnit.SECONDS.toNanos(value);
      case MILLISECOND -> TimeUnit.MILLISECONDS.toNanos(value);
      case MICROSECOND -> TimeUnit.MICROSECONDS.toNanos(value);
      case NANOSECOND -> value;
    };
  }

  private static String number(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static String json(String text) {
    try {
      return canonical(JSON.readTree(text));
    } catch (Exception e) {
      throw new IllegalArgumentException("not JSON: " + text, e);
    }
  }

  /** JSON with object keys sorted, null members dropped and numbers in plain form. */
  private static String canonical(JsonNode node) {
    if (node.isNumber()) {
      return number(node.decimalValue());
    }
    if (node.isArray()) {
      StringBuilder text = new StringBuilder("[");
      for (JsonNode element : node) {
        text.append(canonical(element)).append(',');
      }
      return text.append(']').toString();
    }
    if (node.isObject()) {
      Map<String, String> members = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        if (!member.getValue().isNull()) {
          members.put(member.getKey(), canonical(member.getValue()));
        }
      }
      return members.toString();
    }
    return node.isTextual() ? node.textValue() : node.toString();
  }
}
