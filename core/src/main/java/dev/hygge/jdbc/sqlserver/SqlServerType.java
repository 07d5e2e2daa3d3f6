package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

/**
 * The T-SQL type an Arrow column is written as, with what the bulk-copy API needs to know about it.
 *
 * @param name the type name without size, e.g. {@code DATETIME2} or {@code NVARCHAR}
 * @param jdbcType the {@link java.sql.Types} (or {@code microsoft.sql.Types}) code bulk copy is
 *     told the values have
 * @param precision the precision (decimals, temporal text length), else 0
 * @param scale the scale (decimals, fractional-second digits), else 0
 * @param sizing whether the declared size is fixed or comes from the data
 */
public record SqlServerType(String name, int jdbcType, int precision, int scale, Sizing sizing) {
  /** The most digits a T-SQL {@code DECIMAL} holds. */
  public static final int MAX_DECIMAL_PRECISION = 38;

  /** The most fractional-second digits of {@code TIME}, {@code DATETIME2} and friends. */
  public static final int MAX_TIME_SCALE = 7;

  /** How the declared size of a column is chosen. */
  public enum Sizing {
    /** The type carries its size, e.g. {@code DECIMAL(12,2)} or {@code DATETIME2(6)}. */
    FIXED,
    /** {@code NVARCHAR(n)} sized from the longest value, in UTF-16 code units. */
    TEXT,
    /** {@code VARBINARY(n)} sized from the longest value, in bytes. */
    BINARY
  }

  public SqlServerType {
    requireNonNull(name, "name is null");
    requireNonNull(sizing, "sizing is null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name is blank");
    }
    if (precision < 0 || scale < 0 || scale > Math.max(precision, MAX_TIME_SCALE)) {
      throw new IllegalArgumentException(
          "bad precision/scale " + precision + "/" + scale + " for " + name);
    }
  }

  /** A type whose name says everything, e.g. {@code BIGINT}. */
  static SqlServerType plain(String name, int jdbcType) {
    return new SqlServerType(name, jdbcType, 0, 0, Sizing.FIXED);
  }

  /** The type as declared in a staging table, where text and binary take any length. */
  public String stagingDdl() {
    return switch (sizing) {
      case TEXT, BINARY -> name + "(MAX)";
      case FIXED -> fixedDdl();
    };
  }

  /**
   * The type as declared in a table created for the data: text and binary sized by {@link
   * ColumnSizing} from {@code longest}, the longest value seen (code units or bytes).
   */
  public String ddl(long longest) {
    return switch (sizing) {
      case TEXT -> ColumnSizing.nvarchar(longest);
      case BINARY -> ColumnSizing.varbinary(longest);
      case FIXED -> fixedDdl();
    };
  }

  private String fixedDdl() {
    if (name.equals("DECIMAL")) {
      return "DECIMAL(" + precision + "," + scale + ")";
    }
    if (name.equals("TIME") || name.equals("DATETIME2") || name.equals("DATETIMEOFFSET")) {
      return name + "(" + scale + ")";
    }
    if (name.equals("BINARY")) {
      return "BINARY(" + precision + ")";
    }
    return name;
  }
}
