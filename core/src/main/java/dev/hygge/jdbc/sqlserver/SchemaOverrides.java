package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * T-SQL types the user chose for some columns ({@code schema_overrides}), each checked to be a type
 * SQL Server knows with sizes in range. They apply to tables the store creates; staging keeps the
 * mapped types and SQL Server converts on publish.
 */
public record SchemaOverrides(Map<String, String> types) {
  /** A T-SQL type in lower case: its name, then optionally {@code (size)} or {@code (p,s)}. */
  static final Pattern TYPE =
      Pattern.compile("([a-z0-9]+)\\s*(?:\\(\\s*(max|\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");

  /** The most mantissa bits of {@code FLOAT(n)}. */
  private static final int FLOAT_MANTISSA_BITS = 53;

  private static final Map<String, Shape> SHAPES = shapes();

  /** Nothing overridden. */
  public static final SchemaOverrides NONE = new SchemaOverrides(Map.of());

  public SchemaOverrides {
    requireNonNull(types, "types is null");
    Map<String, String> normal = new LinkedHashMap<>();
    types.forEach(
        (column, type) -> {
          String problem = problem(type).orElse(null);
          if (problem != null) {
            throw new IllegalArgumentException("column '" + column + "': " + problem);
          }
          normal.put(column, type.trim().toUpperCase(Locale.ROOT));
        });
    types = java.util.Collections.unmodifiableMap(normal);
  }

  /** The overriding type of {@code column}, if any. */
  public Optional<String> type(String column) {
    return Optional.ofNullable(types.get(column));
  }

  /** What is wrong with {@code type} as a T-SQL column type; empty when it is fine. */
  static Optional<String> problem(String type) {
    Matcher match = TYPE.matcher(type.trim().toLowerCase(Locale.ROOT));
    if (!match.matches() || !SHAPES.containsKey(match.group(1))) {
      return Optional.of(
          "'"
              + type
              + "' is not a SQL Server type (e.g. NVARCHAR(100), DECIMAL(18,4), DATETIME2(3))");
    }
    return SHAPES.get(match.group(1)).check(type, match.group(2), match.group(3));
  }

  /** What sizes a type name takes. */
  private record Shape(boolean sized, boolean max, int lowest, int highest, boolean scaled) {
    Optional<String> check(String type, String size, String scale) {
      if (size == null) {
        return Optional.empty();
      }
      if (!sized || (scale != null && !scaled)) {
        return Optional.of("'" + type + "' takes no such size");
      }
      if (size.equals("max")) {
        return max ? Optional.empty() : Optional.of("'" + type + "' cannot be MAX");
      }
      long n = Long.parseLong(size);
      if (n < lowest || n > highest) {
        return Optional.of(
            "'" + type + "': the size must be between " + lowest + " and " + highest);
      }
      if (scale != null && Long.parseLong(scale) > n) {
        return Optional.of("'" + type + "': the scale must not exceed the precision");
      }
      return Optional.empty();
    }
  }

  private static Map<String, Shape> shapes() {
    Shape none = new Shape(false, false, 0, 0, false);
    Shape fraction = new Shape(true, false, 0, SqlServerType.MAX_TIME_SCALE, false);
    Shape decimal = new Shape(true, false, 1, SqlServerType.MAX_DECIMAL_PRECISION, true);
    Shape bytes = new Shape(true, true, 1, ColumnSizing.MAX_VARBINARY, false);
    Shape chars = new Shape(true, true, 1, ColumnSizing.MAX_NVARCHAR, false);
    Map<String, Shape> shapes = new LinkedHashMap<>();
    for (String name :
        new String[] {
          "bit",
          "tinyint",
          "smallint",
          "int",
          "bigint",
          "real",
          "money",
          "smallmoney",
          "date",
          "datetime",
          "smalldatetime",
          "uniqueidentifier"
        }) {
      shapes.put(name, none);
    }
    shapes.put("float", new Shape(true, false, 1, FLOAT_MANTISSA_BITS, false));
    shapes.put("decimal", decimal);
    shapes.put("numeric", decimal);
    shapes.put("time", fraction);
    shapes.put("datetime2", fraction);
    shapes.put("datetimeoffset", fraction);
    shapes.put("char", new Shape(true, false, 1, ColumnSizing.MAX_VARBINARY, false));
    shapes.put("varchar", bytes);
    shapes.put("binary", new Shape(true, false, 1, ColumnSizing.MAX_VARBINARY, false));
    shapes.put("varbinary", bytes);
    shapes.put("nchar", new Shape(true, false, 1, ColumnSizing.MAX_NVARCHAR, false));
    shapes.put("nvarchar", chars);
    return java.util.Collections.unmodifiableMap(shapes);
  }
}
