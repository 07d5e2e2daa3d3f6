package dev.hygge.jdbc.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.jdbc.SchemaDrift;
import dev.hygge.jdbc.SchemaEvolution;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Values that overflow a SQL Server column, found in real Arrow batches before they are
 * bulk-copied: the error names the entity, table, row of the load (from 1, across batches), column
 * and value. The column limits come from {@code INFORMATION_SCHEMA.COLUMNS} rows built here as
 * values (no SQL Server runs on this machine).
 */
class SqlServerOverflowTest {
  private static final String PREFIX =
      "Cannot write entity shop.orders into jdbc:sqlserver://sql.internal:1433 table raw.orders: ";
  private static final String SUFFIX =
      "; widen the column or filter or cast the value in the home. Nothing was published; the"
          + " table is as it was.";
  private static final int LATIN1 = 1252;
  private static final int UTF8 = 65001;

  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static TableFit fit(Schema schema, SqlServerColumn... table) {
    return fit(schema, SchemaOverrides.NONE, table);
  }

  private static TableFit fit(Schema schema, SchemaOverrides overrides, SqlServerColumn... table) {
    List<SchemaDrift.DataColumn> data = new ArrayList<>();
    for (Field field : schema.getFields()) {
      data.add(
          SchemaCheck.dataColumn(
              field, SqlServerTypeMapping.of(field.getType()).orElseThrow(), overrides));
    }
    SchemaCheck check =
        new SchemaCheck(
            "shop.orders",
            "jdbc:sqlserver://sql.internal:1433 table raw.orders",
            data,
            SchemaEvolution.FAIL,
            overrides);
    return table.length == 0
        ? check.created(LATIN1)
        : check.existing(List.of(table), CodePage.NONE);
  }

  private static SqlServerColumn integer(String name, String type) {
    return new SqlServerColumn(name, type, 0, 0, 0, true, CodePage.NONE);
  }

  private static Schema ints(ArrowType.Int type) {
    return new Schema(List.of(Field.nullable("qty", type)));
  }

  /** One batch of {@code values} in column {@code qty} (null for a null). */
  private VectorSchemaRoot bigints(Long... values) {
    VectorSchemaRoot batch = VectorSchemaRoot.create(ints(new ArrowType.Int(64, true)), allocator);
    BigIntVector qty = (BigIntVector) batch.getVector(0);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        qty.setNull(i);
      } else {
        qty.setSafe(i, values[i]);
      }
    }
    batch.setRowCount(values.length);
    return batch;
  }

  private VectorSchemaRoot strings(Schema schema, String... values) {
    VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator);
    for (int i = 0; i < values.length; i++) {
      byte[] utf8 = values[i].getBytes(StandardCharsets.UTF_8);
      if (batch.getVector(0) instanceof LargeVarCharVector large) {
        large.setSafe(i, utf8);
      } else {
        ((VarCharVector) batch.getVector(0)).setSafe(i, utf8);
      }
    }
    batch.setRowCount(values.length);
    return batch;
  }

  private static Schema text(ArrowType type) {
    return new Schema(List.of(Field.nullable("name", type)));
  }

  @Test
  void tinyIntHoldsZeroTo255AndTheRowIsCountedAcrossBatches() {
    TableFit fit = fit(ints(new ArrowType.Int(64, true)), integer("qty", "tinyint"));
    try (VectorSchemaRoot first = bigints(0L, null, 255L);
        VectorSchemaRoot second = bigints(7L, -1L, 300L)) {
      fit.check(first, 0);

      assertThatThrownBy(() -> fit.check(second, 3))
          .isInstanceOf(HyggeException.class)
          .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STORE))
          .hasMessage(
              PREFIX
                  + "row 5 of the load has -1 in column 'qty', which does not fit the column's"
                  + " type TINYINT (from 0 to 255)"
                  + SUFFIX);
    }
  }

  @Test
  void smallIntAndIntHoldTheirRanges() {
    TableFit small = fit(ints(new ArrowType.Int(64, true)), integer("qty", "smallint"));
    TableFit regular = fit(ints(new ArrowType.Int(64, true)), integer("qty", "int"));
    try (VectorSchemaRoot batch = bigints(-32_768L, 32_767L, 32_768L, 2_147_483_648L)) {
      assertThatThrownBy(() -> small.check(batch, 0))
          .hasMessage(
              PREFIX
                  + "row 3 of the load has 32768 in column 'qty', which does not fit the column's"
                  + " type SMALLINT (from -32768 to 32767)"
                  + SUFFIX);
      assertThatThrownBy(() -> regular.check(batch, 100))
          .hasMessage(
              PREFIX
                  + "row 104 of the load has 2147483648 in column 'qty', which does not fit the"
                  + " column's type INT (from -2147483648 to 2147483647)"
                  + SUFFIX);
    }
  }

  @Test
  void dataWhoseTypeAlwaysFitsIsNotChecked() {
    TableFit fit = fit(ints(new ArrowType.Int(32, true)), integer("qty", "int"));
    assertThat(fit.checks().columns()).isEmpty();
    assertThat(fit(ints(new ArrowType.Int(8, false)), integer("qty", "tinyint")).checks().columns())
        .isEmpty();
    assertThat(fit(ints(new ArrowType.Int(8, true)), integer("qty", "tinyint")).checks().columns())
        .hasSize(1);
  }

  @Test
  void aDecimalOrAnIntegerWithTooManyDigitsBeforeThePointNamesRowAndValue() {
    Schema amounts =
        new Schema(List.of(Field.nullable("amount", new ArrowType.Decimal(10, 2, 128))));
    SqlServerColumn column = new SqlServerColumn("amount", "decimal", 0, 6, 2, true, CodePage.NONE);
    try (VectorSchemaRoot batch = VectorSchemaRoot.create(amounts, allocator)) {
      DecimalVector amount = (DecimalVector) batch.getVector(0);
      amount.setSafe(0, new BigDecimal("9999.99"));
      amount.setNull(1);
      amount.setSafe(2, new BigDecimal("-10000.00"));
      batch.setRowCount(3);

      assertThatThrownBy(() -> fit(amounts, column).check(batch, 0))
          .hasMessage(
              PREFIX
                  + "row 3 of the load has -10000.00 in column 'amount', which does not fit the"
                  + " column's type DECIMAL(6,2) (at most 4 digits before the decimal point)"
                  + SUFFIX);
    }
    Schema whole = new Schema(List.of(Field.nullable("amount", new ArrowType.Int(32, true))));
    try (VectorSchemaRoot batch = VectorSchemaRoot.create(whole, allocator)) {
      IntVector amount = (IntVector) batch.getVector(0);
      amount.setSafe(0, 9999);
      amount.setSafe(1, 10_000);
      batch.setRowCount(2);

      assertThatThrownBy(() -> fit(whole, column).check(batch, 0))
          .hasMessage(
              PREFIX
                  + "row 2 of the load has 10000 in column 'amount', which does not fit the"
                  + " column's type DECIMAL(6,2) (at most 4 digits before the decimal point)"
                  + SUFFIX);
    }
  }

  @Test
  void nvarcharCountsUtf16CodeUnitsSoAnEmojiTakesTwo() {
    SqlServerColumn column = new SqlServerColumn("name", "nvarchar", 5, 0, 0, true, CodePage.NONE);
    Schema schema = text(ArrowType.Utf8.INSTANCE);
    // Five code points each: the first has five UTF-16 units, the second six.
    try (VectorSchemaRoot batch = strings(schema, "ÆØÅæø", "ab😀cd")) {
      assertThatThrownBy(() -> fit(schema, column).check(batch, 0))
          .hasMessage(
              PREFIX
                  + "row 2 of the load has 'ab😀cd' in column 'name', which does not fit the"
                  + " column's type NVARCHAR(5) (at most 5 UTF-16 code units)"
                  + SUFFIX);
    }
    Schema large = text(ArrowType.LargeUtf8.INSTANCE);
    try (VectorSchemaRoot batch = strings(large, "ÆØÅæø", "sixsix")) {
      assertThatThrownBy(() -> fit(large, column).check(batch, 10))
          .hasMessageContaining("row 12 of the load has 'sixsix' in column 'name'");
    }
  }

  @Test
  void varcharCountsBytesInTheCollationsCodePage() {
    Schema schema = text(ArrowType.Utf8.INSTANCE);
    SqlServerColumn latin1 = new SqlServerColumn("name", "varchar", 5, 0, 0, true, LATIN1);
    SqlServerColumn utf8 = new SqlServerColumn("name", "varchar", 5, 0, 0, true, UTF8);
    // 'héllo' is five bytes in windows-1252 but six in UTF-8.
    try (VectorSchemaRoot batch = strings(schema, "héllo", "abcde")) {
      assertThatCode(() -> fit(schema, latin1).check(batch, 0)).doesNotThrowAnyException();
      assertThatThrownBy(() -> fit(schema, utf8).check(batch, 0))
          .hasMessage(
              PREFIX
                  + "row 1 of the load has 'héllo' in column 'name', which does not fit the"
                  + " column's type VARCHAR(5) (at most 5 bytes in UTF-8)"
                  + SUFFIX);
    }
    try (VectorSchemaRoot batch = strings(schema, "héllo!")) {
      assertThatThrownBy(() -> fit(schema, latin1).check(batch, 0))
          .hasMessageContaining(
              "'héllo!' in column 'name', which does not fit the column's type VARCHAR(5) (at"
                  + " most 5 bytes in windows-1252)");
    }
  }

  @Test
  void aDoubleByteCodePageCountsEachCharacterItsOwnWidth() {
    Schema schema = text(ArrowType.Utf8.INSTANCE);
    SqlServerColumn japanese = new SqlServerColumn("name", "varchar", 6, 0, 0, true, 932);
    // Half-width katakana take one byte in code page 932, kanji two (UTF-8: three each).
    try (VectorSchemaRoot batch = strings(schema, "ｱｲｳｴｵｶ", "日本語", "日本語a")) {
      assertThatThrownBy(() -> fit(schema, japanese).check(batch, 0))
          .hasMessageContaining(
              "row 3 of the load has '日本語a' in column 'name', which does not fit the column's"
                  + " type VARCHAR(6) (at most 6 bytes in windows-31j)");
    }
  }

  @Test
  void theDialectKnowsTsqlLimitsOfAColumnWithoutItsCodePage() {
    SqlServerDialect dialect = new SqlServerDialect();

    assertThat(dialect.valueLimit(integer("qty", "tinyint").target()))
        .contains(new dev.hygge.jdbc.ValueLimit.IntegerRange(0, 255));
    assertThat(
            dialect.valueLimit(
                new SqlServerColumn("n", "nvarchar", 9, 0, 0, true, CodePage.NONE).target()))
        .contains(new dev.hygge.jdbc.ValueLimit.Utf16Length(9));
    assertThat(
            dialect.valueLimit(new SqlServerColumn("v", "varchar", 9, 0, 0, true, LATIN1).target()))
        .isEmpty();
    assertThat(
            dialect.valueLimit(
                new SqlServerColumn("d", "decimal", 0, 6, 2, true, CodePage.NONE).target()))
        .contains(new dev.hygge.jdbc.ValueLimit.DecimalDigits(6, 2));
  }

  @Test
  void maxColumnsAndUnknownCodePagesHaveNoLengthLimit() {
    Schema schema = text(ArrowType.Utf8.INSTANCE);
    assertThat(
            fit(schema, new SqlServerColumn("name", "nvarchar", -1, 0, 0, true, 0))
                .checks()
                .columns())
        .isEmpty();
    assertThat(
            fit(schema, new SqlServerColumn("name", "varchar", 10, 0, 0, true, CodePage.NONE))
                .checks()
                .columns())
        .isEmpty();
  }

  @Test
  void anOverriddenColumnOfACreatedTableIsCheckedToo() {
    Schema schema = text(ArrowType.Utf8.INSTANCE);
    TableFit fit = fit(schema, new SchemaOverrides(Map.of("name", "NCHAR(3)")));
    try (VectorSchemaRoot batch = strings(schema, "EUR", "EURO")) {
      assertThatThrownBy(() -> fit.check(batch, 0))
          .hasMessage(
              PREFIX
                  + "row 2 of the load has 'EURO' in column 'name', which does not fit the"
                  + " column's type NCHAR(3) (at most 3 UTF-16 code units)"
                  + SUFFIX);
    }
  }

  @Test
  void overridesAreReadAsTsqlDeclaresThem() {
    assertThat(SqlServerColumn.declared("a", "NVARCHAR", 0).typeName()).isEqualTo("NVARCHAR(1)");
    assertThat(SqlServerColumn.declared("a", "DECIMAL", 0).typeName()).isEqualTo("DECIMAL(18,0)");
    assertThat(SqlServerColumn.declared("a", "NUMERIC(9)", 0).typeName()).isEqualTo("NUMERIC(9,0)");
    assertThat(SqlServerColumn.declared("a", "VARCHAR(MAX)", LATIN1).limit()).isEmpty();
    assertThat(SqlServerColumn.declared("a", "varchar(20)", LATIN1).codePage()).isEqualTo(LATIN1);
    assertThat(SqlServerColumn.declared("a", "nvarchar(20)", LATIN1).codePage()).isZero();
    assertThat(SqlServerColumn.declared("a", "datetime2(3)", 0).typeName())
        .isEqualTo("DATETIME2(3)");
    assertThat(SqlServerColumn.declared("a", "MONEY", 0).limit()).isEmpty();
  }

  @Test
  void codePagesMapToJavaCharsets() {
    assertThat(CodePage.charset(1252))
        .hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("windows-1252"));
    assertThat(CodePage.charset(65001)).contains(StandardCharsets.UTF_8);
    assertThat(CodePage.charset(932))
        .hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("windows-31j"));
    assertThat(CodePage.charset(936)).isPresent();
    assertThat(CodePage.charset(0)).isEmpty();
    assertThat(CodePage.charset(4711)).isEmpty();
  }
}
