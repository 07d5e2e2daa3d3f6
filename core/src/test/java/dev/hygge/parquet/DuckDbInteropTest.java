package dev.hygge.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet written by DuckDB (in-process JDBC) read by hygge, and hygge's output read by DuckDB. */
class DuckDbInteropTest {
  private static final int ROWS = 3000;
  @TempDir Path dir;
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** Column name and DuckDB expression over {@code i}; every column but id gets nulls. */
  private static final String[][] DUCKDB_COLUMNS = {
    {"b", "i % 2 = 0"},
    {"i8", "(i % 100 - 50)::TINYINT"},
    {"i16", "(i * 7 - 9000)::SMALLINT"},
    {"i32", "(i * 1001 - 5)::INTEGER"},
    {"i64", "(i * 100003 - 7)::BIGINT"},
    {"u8", "(i % 250)::UTINYINT"},
    {"u16", "(i * 20)::USMALLINT"},
    {"u32", "(4000000000 + i)::UINTEGER"},
    {"u64", "(i * 1000 + 18000000000000000000)::UBIGINT"},
    {"f32", "(i * 1.5)::FLOAT"},
    {"f64", "(i * 2.25 - 1)::DOUBLE"},
    {"d4", "(i % 99 * 1.01)::DECIMAL(4,2)"},
    {"d9", "(i * 1.123 - 7)::DECIMAL(9,3)"},
    {"d18", "(i * 12345.6789 - 1)::DECIMAL(18,4)"},
    {"d38", "(i * 123456789.0123456789 - 3)::DECIMAL(38,10)"},
    {"dt", "DATE '2024-01-01' + i::INTEGER - 1500"},
    {"tm", "TIME '10:00:00' + INTERVAL (i) SECOND + INTERVAL (i) MICROSECOND"},
    {"ts", "TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i) MINUTE + INTERVAL (i) MICROSECOND"},
    {"ts_ms", "(TIMESTAMP '2024-01-01' + INTERVAL (i * 7) MILLISECOND)::TIMESTAMP_MS"},
    {"ts_ns", "(TIMESTAMP '1999-01-01' + INTERVAL (i * 11) MICROSECOND)::TIMESTAMP_NS"},
    {"tstz", "TIMESTAMPTZ '2024-01-01 00:00:00+00' + INTERVAL (i) HOUR"},
    {"s", "'str-' || i || repeat('x', i % 30)"},
    {"enum_like", "['paid', 'pending', 'shipped'][i % 3 + 1]"},
    {"bl", "('blob' || i)::BLOB"},
    {"u", "('00000000-0000-0000-0000-' || lpad(i::VARCHAR, 12, '0'))::UUID"},
    {"li", "CASE WHEN i % 4 = 1 THEN [] ELSE [i, NULL, i + 1] END"},
    {"ls", "CASE WHEN i % 3 = 1 THEN [NULL::VARCHAR] ELSE ['a' || i, 'b'] END"},
    {"st", "{'x': i, 'y': CASE WHEN i % 3 = 0 THEN NULL ELSE 'v' || i END}"},
    {"mp", "MAP {'k' || i: i, 'z': NULL}"},
    {"nested", "[{'p': [i, i], 'q': {'r': i::VARCHAR}}]"},
  };

  @Test
  void hyggeReadsWhatDuckDbWritesValueByValue() throws Exception {
    Path file = dir.resolve("duck.parquet");
    StringBuilder select = new StringBuilder("SELECT i AS id");
    for (int c = 0; c < DUCKDB_COLUMNS.length; c++) {
      select
          .append(", CASE WHEN (i + ")
          .append(c)
          .append(") % 7 = 0 THEN NULL ELSE ")
          .append(DUCKDB_COLUMNS[c][1])
          .append(" END AS ")
          .append(DUCKDB_COLUMNS[c][0]);
    }
    select.append(" FROM range(0, ").append(ROWS).append(") t(i)");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement()) {
      statement.execute(
          "COPY (" + select + ") TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 1024)");
      List<List<String>> hygge = new ArrayList<>();
      Schema schema;
      try (ArrowParquetReader reader = new ArrowParquetReader(file, List.of(), 700, allocator)) {
        schema = reader.schema();
        while (reader.loadNextBatch()) {
          hygge.addAll(canonicalRows(reader.root()));
        }
      }
      assertThat(schema.findField("ts").getType())
          .isEqualTo(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null));
      assertThat(schema.findField("tstz").getType())
          .isEqualTo(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"));
      assertThat(schema.findField("dt").getType()).isEqualTo(new ArrowType.Date(DateUnit.DAY));
      assertThat(schema.findField("d38").getType()).isEqualTo(new ArrowType.Decimal(38, 10, 128));
      assertThat(schema.findField("u").getType()).isEqualTo(new ArrowType.FixedSizeBinary(16));
      assertThat(hygge).hasSize(ROWS);
      assertSameRows(hygge, duckRows(statement, file, schema));
    }
  }

  @Test
  void duckDbReadsWhatHyggeWritesValueByValue() throws Exception {
    Path file = dir.resolve("hygge.parquet");
    List<List<String>> expected = new ArrayList<>();
    Schema schema = ArrowBatches.allTypes();
    try (ArrowParquetWriter writer =
        new ArrowParquetWriter(
            file, schema, ParquetWriteOptions.defaults().withRowGroupSize(64 * 1024))) {
      for (int b = 0; b < 4; b++) {
        try (VectorSchemaRoot batch = ArrowBatches.allTypes(allocator, b * 500, 500)) {
          writer.write(batch);
          expected.addAll(canonicalRows(batch));
        }
      }
    }
    // DuckDB has no 256-bit decimals or half floats; every other column is compared.
    Set<String> skipped = Set.of("dec50", "f16");
    List<Integer> compared = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    for (int c = 0; c < schema.getFields().size(); c++) {
      if (!skipped.contains(schema.getFields().get(c).getName())) {
        compared.add(c);
        fields.add(schema.getFields().get(c));
      }
    }
    List<List<String>> expectedCompared = new ArrayList<>();
    for (List<String> row : expected) {
      expectedCompared.add(
          compared.stream().map(row::get).map(DuckDbInteropTest::inDuckDbPrecision).toList());
    }
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement()) {
      assertSameRows(duckRows(statement, file, new Schema(fields)), expectedCompared);
    }
  }

  /** DuckDB holds TIME and TIMESTAMPTZ in microseconds: it drops sub-microsecond digits. */
  private static String inDuckDbPrecision(String canonical) {
    int equals = canonical.indexOf('=');
    String name = canonical.substring(0, equals);
    String value = canonical.substring(equals + 1);
    if (value.equals("null")) {
      return canonical;
    }
    if (name.equals("time_ns")) {
      return name + "=" + LocalTime.parse(value).truncatedTo(ChronoUnit.MICROS);
    }
    if (name.equals("tstz_nanosecond")) {
      // DuckDB divides epoch nanoseconds by 1000, rounding toward zero (also before 1970).
      Instant instant = Instant.parse(value);
      long nanos = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
      return name + "=" + Instant.EPOCH.plus(nanos / 1000, ChronoUnit.MICROS);
    }
    return canonical;
  }

  private static void assertSameRows(List<List<String>> actual, List<List<String>> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int r = 0; r < expected.size(); r++) {
      assertThat(actual.get(r)).as("row %d", r).containsExactlyElementsOf(expected.get(r));
    }
  }

  private static List<List<String>> canonicalRows(VectorSchemaRoot root) {
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < root.getRowCount(); r++) {
      List<String> row = new ArrayList<>();
      for (FieldVector vector : root.getFieldVectors()) {
        row.add(vector.getField().getName() + "=" + CanonicalValues.arrow(vector, r));
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<List<String>> duckRows(Statement statement, Path file, Schema schema)
      throws Exception {
    StringBuilder select = new StringBuilder("SELECT ");
    for (int c = 0; c < schema.getFields().size(); c++) {
      select
          .append(c == 0 ? "" : ", ")
          .append(CanonicalValues.duckExpression(schema.getFields().get(c)));
    }
    select.append(" FROM read_parquet('").append(file).append("') ORDER BY id");
    List<List<String>> rows = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery(select.toString())) {
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 0; c < schema.getFields().size(); c++) {
          Field field = schema.getFields().get(c);
          row.add(field.getName() + "=" + CanonicalValues.jdbc(rs, c + 1, field));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
