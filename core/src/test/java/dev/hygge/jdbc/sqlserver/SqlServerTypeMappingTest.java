package dev.hygge.jdbc.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.jdbc.ColumnType;
import dev.hygge.jdbc.ReadMapping;
import java.sql.Types;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Arrow type to T-SQL, and every T-SQL type name back to Arrow. */
class SqlServerTypeMappingTest {

  static Stream<Arguments> writes() {
    return Stream.of(
        Arguments.of(ArrowType.Bool.INSTANCE, "BIT", Types.BIT),
        Arguments.of(new ArrowType.Int(8, true), "SMALLINT", Types.SMALLINT),
        Arguments.of(new ArrowType.Int(16, true), "SMALLINT", Types.SMALLINT),
        Arguments.of(new ArrowType.Int(32, true), "INT", Types.INTEGER),
        Arguments.of(new ArrowType.Int(64, true), "BIGINT", Types.BIGINT),
        Arguments.of(new ArrowType.Int(8, false), "SMALLINT", Types.SMALLINT),
        Arguments.of(new ArrowType.Int(16, false), "INT", Types.INTEGER),
        Arguments.of(new ArrowType.Int(32, false), "BIGINT", Types.BIGINT),
        Arguments.of(
            new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), "REAL", Types.REAL),
        Arguments.of(
            new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), "FLOAT", Types.DOUBLE),
        Arguments.of(new ArrowType.Decimal(12, 2, 128), "DECIMAL(12,2)", Types.DECIMAL),
        Arguments.of(new ArrowType.Decimal(38, 0, 128), "DECIMAL(38,0)", Types.DECIMAL),
        Arguments.of(ArrowType.Utf8.INSTANCE, "NVARCHAR(MAX)", Types.NVARCHAR),
        Arguments.of(ArrowType.LargeUtf8.INSTANCE, "NVARCHAR(MAX)", Types.NVARCHAR),
        Arguments.of(ArrowType.Binary.INSTANCE, "VARBINARY(MAX)", Types.VARBINARY),
        Arguments.of(ArrowType.LargeBinary.INSTANCE, "VARBINARY(MAX)", Types.VARBINARY),
        Arguments.of(new ArrowType.FixedSizeBinary(16), "BINARY(16)", Types.BINARY),
        Arguments.of(new ArrowType.Date(DateUnit.DAY), "DATE", Types.DATE),
        Arguments.of(new ArrowType.Date(DateUnit.MILLISECOND), "DATE", Types.DATE),
        Arguments.of(new ArrowType.Time(TimeUnit.SECOND, 32), "TIME(0)", Types.TIME),
        Arguments.of(new ArrowType.Time(TimeUnit.MILLISECOND, 32), "TIME(3)", Types.TIME),
        Arguments.of(new ArrowType.Time(TimeUnit.MICROSECOND, 64), "TIME(6)", Types.TIME),
        Arguments.of(new ArrowType.Time(TimeUnit.NANOSECOND, 64), "TIME(7)", Types.TIME),
        Arguments.of(
            new ArrowType.Timestamp(TimeUnit.SECOND, null), "DATETIME2(0)", Types.TIMESTAMP),
        Arguments.of(
            new ArrowType.Timestamp(TimeUnit.MILLISECOND, null), "DATETIME2(3)", Types.TIMESTAMP),
        Arguments.of(
            new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), "DATETIME2(6)", Types.TIMESTAMP),
        Arguments.of(
            new ArrowType.Timestamp(TimeUnit.NANOSECOND, null), "DATETIME2(7)", Types.TIMESTAMP),
        Arguments.of(
            new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"),
            "DATETIMEOFFSET(6)",
            SqlServerTypeMapping.DATETIMEOFFSET),
        Arguments.of(
            new ArrowType.Timestamp(TimeUnit.MILLISECOND, "Europe/Copenhagen"),
            "DATETIMEOFFSET(3)",
            SqlServerTypeMapping.DATETIMEOFFSET));
  }

  @ParameterizedTest
  @MethodSource("writes")
  void mapsEachArrowTypeToItsTsqlType(ArrowType arrow, String staging, int jdbcType) {
    SqlServerType type = SqlServerTypeMapping.of(arrow).orElseThrow();

    assertThat(type.stagingDdl()).isEqualTo(staging);
    assertThat(type.jdbcType()).isEqualTo(jdbcType);
  }

  @Test
  void textAndBinaryAreSizedFromTheDataInCreatedTables() {
    assertThat(SqlServerTypeMapping.of(ArrowType.Utf8.INSTANCE).orElseThrow().ddl(40))
        .isEqualTo("NVARCHAR(64)");
    assertThat(SqlServerTypeMapping.of(ArrowType.Binary.INSTANCE).orElseThrow().ddl(9000))
        .isEqualTo("VARBINARY(MAX)");
    assertThat(SqlServerTypeMapping.of(new ArrowType.Decimal(12, 2, 128)).orElseThrow().ddl(1_000))
        .isEqualTo("DECIMAL(12,2)");
  }

  @Test
  void decimalsCarryPrecisionAndScaleAndTimesTheirDigitsForBulkCopy() {
    SqlServerType decimal =
        SqlServerTypeMapping.of(new ArrowType.Decimal(12, 2, 128)).orElseThrow();
    SqlServerType moment =
        SqlServerTypeMapping.of(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)).orElseThrow();

    assertThat(List.of(decimal.precision(), decimal.scale())).containsExactly(12, 2);
    assertThat(List.of(moment.precision(), moment.scale()))
        .containsExactly("yyyy-mm-dd hh:mm:ss.fffffff".length(), 6);
  }

  static Stream<ArrowType> unsupported() {
    return Stream.of(
        new ArrowType.Decimal(40, 2, 256),
        new ArrowType.Int(64, false),
        new ArrowType.FloatingPoint(FloatingPointPrecision.HALF),
        new ArrowType.FixedSizeBinary(9000),
        ArrowType.List.INSTANCE,
        ArrowType.Struct.INSTANCE,
        new ArrowType.Interval(IntervalUnit.DAY_TIME),
        new ArrowType.Duration(TimeUnit.SECOND),
        ArrowType.Null.INSTANCE);
  }

  @ParameterizedTest
  @MethodSource("unsupported")
  void typesSqlServerCannotHoldHaveNoMapping(ArrowType arrow) {
    assertThat(SqlServerTypeMapping.of(arrow)).isEmpty();
  }

  @Test
  void onlyDecimalsWiderThan38DigitsAreWide() {
    assertThat(SqlServerTypeMapping.isWideDecimal(new ArrowType.Decimal(40, 2, 256))).isTrue();
    assertThat(SqlServerTypeMapping.isWideDecimal(new ArrowType.Decimal(38, 2, 128))).isFalse();
    assertThat(SqlServerTypeMapping.isWideDecimal(ArrowType.Utf8.INSTANCE)).isFalse();
  }

  static Stream<Arguments> reads() {
    ArrowType text = ArrowType.Utf8.INSTANCE;
    ArrowType binary = ArrowType.Binary.INSTANCE;
    ArrowType timestamp = new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
    return Stream.of(
        Arguments.of("bit", 0, 0, ArrowType.Bool.INSTANCE),
        Arguments.of("tinyint", 0, 0, new ArrowType.Int(16, true)),
        Arguments.of("smallint", 0, 0, new ArrowType.Int(16, true)),
        Arguments.of("int", 0, 0, new ArrowType.Int(32, true)),
        Arguments.of("int identity", 0, 0, new ArrowType.Int(32, true)),
        Arguments.of("bigint", 0, 0, new ArrowType.Int(64, true)),
        Arguments.of("real", 0, 0, new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
        Arguments.of("float", 0, 0, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
        Arguments.of("decimal", 12, 2, new ArrowType.Decimal(12, 2, 128)),
        Arguments.of("numeric", 38, 10, new ArrowType.Decimal(38, 10, 128)),
        Arguments.of("money", 19, 4, new ArrowType.Decimal(19, 4, 128)),
        Arguments.of("smallmoney", 10, 4, new ArrowType.Decimal(10, 4, 128)),
        Arguments.of("char", 0, 0, text),
        Arguments.of("varchar", 0, 0, text),
        Arguments.of("text", 0, 0, text),
        Arguments.of("nchar", 0, 0, text),
        Arguments.of("nvarchar", 0, 0, text),
        Arguments.of("ntext", 0, 0, text),
        Arguments.of("uniqueidentifier", 0, 0, text),
        Arguments.of("binary", 0, 0, binary),
        Arguments.of("varbinary", 0, 0, binary),
        Arguments.of("image", 0, 0, binary),
        Arguments.of("date", 0, 0, new ArrowType.Date(DateUnit.DAY)),
        Arguments.of("time", 0, 7, new ArrowType.Time(TimeUnit.MICROSECOND, 64)),
        Arguments.of("datetime", 0, 3, timestamp),
        Arguments.of("smalldatetime", 0, 0, timestamp),
        Arguments.of("datetime2", 0, 7, timestamp),
        Arguments.of("datetimeoffset", 0, 7, new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")));
  }

  @ParameterizedTest
  @MethodSource("reads")
  void readsEachTsqlTypeAsItsArrowType(String name, int precision, int scale, ArrowType arrow) {
    ReadMapping mapping =
        SqlServerReadMapping.of(new ColumnType(Types.OTHER, name, precision, scale)).orElseThrow();

    assertThat(mapping.arrowType()).isEqualTo(arrow);
  }

  @Test
  void typesHyggeCannotReadAreRefused() {
    for (String name : List.of("sql_variant", "xml", "geography", "geometry", "timestamp")) {
      assertThat(SqlServerReadMapping.of(new ColumnType(Types.OTHER, name, 0, 0)))
          .as(name)
          .isEmpty();
    }
    assertThat(SqlServerReadMapping.of(new ColumnType(Types.DECIMAL, "decimal", 0, 0))).isEmpty();
  }

  @Test
  void everyWrittenTypeReadsBackAsAnArrowTypeThatHoldsItsValues() {
    SqlServerDialect dialect = new SqlServerDialect();
    assertThat(
            dialect
                .readMapping(new ColumnType(Types.TIMESTAMP, "datetime2", 27, 6))
                .orElseThrow()
                .arrowType())
        .isEqualTo(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null));
    assertThat(
            dialect
                .writeMapping(
                    org.apache.arrow.vector.types.pojo.Field.nullable(
                        "t", new ArrowType.Int(8, true)))
                .orElseThrow()
                .sqlType())
        .isEqualTo("SMALLINT");
  }
}
