package dev.hygge.jdbc;

import java.sql.Types;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A coarse kind of value, to tell a retyped column (text into an integer column) from a column of
 * another width or precision of the same kind, whose values are checked one by one instead.
 */
enum TypeFamily {
  BOOLEAN,
  INTEGER,
  DECIMAL,
  FLOAT,
  TEXT,
  BINARY,
  DATE,
  TIME,
  TIMESTAMP,
  OTHER;

  /** The family of a database column type. */
  static TypeFamily of(ColumnType type) {
    return switch (type.jdbcType()) {
      case Types.BIT, Types.BOOLEAN -> BOOLEAN;
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
      case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> FLOAT;
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.CLOB ->
          TEXT;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
      case Types.DATE -> DATE;
      case Types.TIME, Types.TIME_WITH_TIMEZONE -> TIME;
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP;
      default -> OTHER;
    };
  }

  /** The family of an Arrow type. */
  static TypeFamily of(ArrowType type) {
    if (type instanceof ArrowType.Bool) {
      return BOOLEAN;
    }
    if (type instanceof ArrowType.Int) {
      return INTEGER;
    }
    if (type instanceof ArrowType.Decimal) {
      return DECIMAL;
    }
    if (type instanceof ArrowType.FloatingPoint) {
      return FLOAT;
    }
    if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8) {
      return TEXT;
    }
    if (type instanceof ArrowType.Binary || type instanceof ArrowType.LargeBinary) {
      return BINARY;
    }
    if (type instanceof ArrowType.Date) {
      return DATE;
    }
    if (type instanceof ArrowType.Time) {
      return TIME;
    }
    if (type instanceof ArrowType.Timestamp) {
      return TIMESTAMP;
    }
    return OTHER;
  }

  /** Whether a column of this family takes values of {@code data}'s family without retyping. */
  boolean accepts(TypeFamily data) {
    if (this == OTHER || data == OTHER) {
      return false;
    }
    return this == data || (data == INTEGER && (this == DECIMAL || this == FLOAT));
  }
}
