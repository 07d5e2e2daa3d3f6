package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import dev.hygge.jdbc.ColumnType;
import dev.hygge.jdbc.TargetColumn;
import dev.hygge.jdbc.ValueLimit;
import java.sql.Types;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A column of a SQL Server table as {@code INFORMATION_SCHEMA.COLUMNS} describes it (or as a {@code
 * schema_overrides} type declares it): enough to tell its kind of value and the values it holds.
 *
 * @param name the column name, exactly as stored
 * @param dataType the T-SQL type name in lower case, e.g. {@code nvarchar} or {@code decimal}
 * @param maxLength {@code CHARACTER_MAXIMUM_LENGTH}: UTF-16 code units for {@code nchar} and {@code
 *     nvarchar}, bytes for {@code char}, {@code varchar} and binaries; {@value #MAX} for {@code
 *     MAX}; 0 for other types
 * @param precision the digits of a {@code decimal} or {@code numeric}, else 0
 * @param scale the scale of a {@code decimal} or {@code numeric}, the fractional-second digits of a
 *     temporal type, else 0
 * @param nullable whether it accepts NULL
 * @param codePage the code page of the column's collation ({@link CodePage#NONE} when it has none)
 */
public record SqlServerColumn(
    String name,
    String dataType,
    int maxLength,
    int precision,
    int scale,
    boolean nullable,
    int codePage) {
  /** The length {@code INFORMATION_SCHEMA} reports for {@code MAX}. */
  public static final int MAX = -1;

  private static final int DEFAULT_DECIMAL_PRECISION = 18;
  private static final int DEFAULT_LENGTH = 1;
  private static final int TINYINT_MAX = 255;

  private static final Map<String, Integer> JDBC_TYPES =
      Map.ofEntries(
          Map.entry("bit", Types.BIT),
          Map.entry("tinyint", Types.TINYINT),
          Map.entry("smallint", Types.SMALLINT),
          Map.entry("int", Types.INTEGER),
          Map.entry("bigint", Types.BIGINT),
          Map.entry("decimal", Types.DECIMAL),
          Map.entry("numeric", Types.NUMERIC),
          Map.entry("money", Types.DECIMAL),
          Map.entry("smallmoney", Types.DECIMAL),
          Map.entry("real", Types.REAL),
          Map.entry("float", Types.DOUBLE),
          Map.entry("char", Types.CHAR),
          Map.entry("varchar", Types.VARCHAR),
          Map.entry("text", Types.LONGVARCHAR),
          Map.entry("nchar", Types.NCHAR),
          Map.entry("nvarchar", Types.NVARCHAR),
          Map.entry("ntext", Types.LONGNVARCHAR),
          Map.entry("binary", Types.BINARY),
          Map.entry("varbinary", Types.VARBINARY),
          Map.entry("image", Types.LONGVARBINARY),
          Map.entry("date", Types.DATE),
          Map.entry("time", Types.TIME),
          Map.entry("smalldatetime", Types.TIMESTAMP),
          Map.entry("datetime", Types.TIMESTAMP),
          Map.entry("datetime2", Types.TIMESTAMP),
          Map.entry("datetimeoffset", Types.TIMESTAMP_WITH_TIMEZONE));

  public SqlServerColumn {
    requireNonNull(name, "name is null");
    requireNonNull(dataType, "dataType is null");
    dataType = dataType.toLowerCase(Locale.ROOT);
    if (maxLength < MAX || precision < 0 || scale < 0) {
      throw new IllegalArgumentException(
          "bad length/precision/scale " + maxLength + "/" + precision + "/" + scale);
    }
  }

  /**
   * The column a {@code schema_overrides} type declares, as T-SQL reads it: {@code NVARCHAR}
   * without a length is {@code NVARCHAR(1)}, {@code DECIMAL} without one {@code DECIMAL(18,0)}.
   *
   * @param type a type {@link SchemaOverrides} accepted
   * @param codePage the code page of the database's default collation, which the column gets
   */
  static SqlServerColumn declared(String name, String type, int codePage) {
    Matcher match = SchemaOverrides.TYPE.matcher(type.trim().toLowerCase(Locale.ROOT));
    if (!match.matches()) {
      throw new IllegalArgumentException("not a SQL Server type: " + type);
    }
    String dataType = match.group(1);
    String size = match.group(2);
    int first = size == null || size.equals("max") ? 0 : Integer.parseInt(size);
    int second = match.group(3) == null ? 0 : Integer.parseInt(match.group(3));
    return switch (dataType) {
      case "decimal", "numeric" ->
          new SqlServerColumn(
              name,
              dataType,
              0,
              size == null ? DEFAULT_DECIMAL_PRECISION : first,
              second,
              true,
              CodePage.NONE);
      case "char", "varchar", "nchar", "nvarchar", "binary", "varbinary" ->
          new SqlServerColumn(
              name,
              dataType,
              size == null ? DEFAULT_LENGTH : size.equals("max") ? MAX : first,
              0,
              0,
              true,
              dataType.startsWith("n") || dataType.endsWith("binary") ? CodePage.NONE : codePage);
      default -> new SqlServerColumn(name, dataType, 0, 0, first, true, CodePage.NONE);
    };
  }

  /** The type as T-SQL writes it, e.g. {@code NVARCHAR(40)}, {@code DECIMAL(12,2)}, {@code INT}. */
  public String typeName() {
    String upper = dataType.toUpperCase(Locale.ROOT);
    return switch (dataType) {
      case "decimal", "numeric" -> upper + "(" + precision + "," + scale + ")";
      case "char", "varchar", "nchar", "nvarchar", "binary", "varbinary" ->
          upper + "(" + (maxLength == MAX ? "MAX" : String.valueOf(maxLength)) + ")";
      case "time", "datetime2", "datetimeoffset" -> upper + "(" + scale + ")";
      default -> upper;
    };
  }

  /** The column as the shared drift comparison sees it; unknown types are {@link Types#OTHER}. */
  public TargetColumn target() {
    int jdbcType = JDBC_TYPES.getOrDefault(dataType, Types.OTHER);
    int size = maxLength > 0 ? maxLength : precision;
    return new TargetColumn(name, new ColumnType(jdbcType, typeName(), size, scale), nullable);
  }

  /**
   * What values the column holds beyond its kind: {@code TINYINT} 0 to 255, {@code SMALLINT} and
   * {@code INT} their ranges, {@code DECIMAL(p,s)} {@code p - s} digits before the point, {@code
   * NVARCHAR(n)}/{@code NCHAR(n)} {@code n} UTF-16 code units, {@code VARCHAR(n)}/{@code CHAR(n)}
   * {@code n} bytes in the collation's code page (no limit when the JVM lacks that code page).
   */
  public Optional<ValueLimit> limit() {
    return switch (dataType) {
      case "tinyint" -> Optional.of(new ValueLimit.IntegerRange(0, TINYINT_MAX));
      case "smallint" -> Optional.of(new ValueLimit.IntegerRange(Short.MIN_VALUE, Short.MAX_VALUE));
      case "int" -> Optional.of(new ValueLimit.IntegerRange(Integer.MIN_VALUE, Integer.MAX_VALUE));
      case "decimal", "numeric" ->
          precision > 0 && scale <= precision
              ? Optional.of(new ValueLimit.DecimalDigits(precision, scale))
              : Optional.empty();
      case "nchar", "nvarchar" ->
          maxLength > 0 ? Optional.of(new ValueLimit.Utf16Length(maxLength)) : Optional.empty();
      case "char", "varchar" ->
          maxLength > 0
              ? CodePage.charset(codePage).map(c -> new ValueLimit.ByteLength(maxLength, c))
              : Optional.empty();
      default -> Optional.empty();
    };
  }
}
