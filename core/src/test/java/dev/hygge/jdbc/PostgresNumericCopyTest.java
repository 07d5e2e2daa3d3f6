package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.flow.WriteMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Decimals of every alignment written with binary COPY (the long fast path up to 18 digits, the
 * BigDecimal path beyond) and read back by PostgreSQL as text, then through the COPY reader.
 */
class PostgresNumericCopyTest {
  private static PostgresTestServer postgres;
  private final RootAllocator allocator = new RootAllocator();

  @BeforeAll
  static void start() {
    postgres = PostgresTestServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void reset() throws Exception {
    postgres.reset();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private VectorSchemaRoot column(int precision, int scale, List<String> values) {
    Schema schema =
        new Schema(List.of(Field.nullable("v", new ArrowType.Decimal(precision, scale, 128))));
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    DecimalVector vector = (DecimalVector) root.getVector(0);
    vector.allocateNew();
    for (int row = 0; row < values.size(); row++) {
      if (values.get(row) == null) {
        vector.setNull(row);
      } else {
        vector.setSafe(row, new BigDecimal(values.get(row)));
      }
    }
    root.setRowCount(values.size());
    return root;
  }

  private void roundTrip(int precision, int scale, List<String> values) throws Exception {
    try (VectorSchemaRoot batch = column(precision, scale, values)) {
      postgres.write("numbers", Optional.empty(), WriteMode.REPLACE, allocator, batch);
    }
    List<String> stored = new ArrayList<>();
    for (List<String> row : postgres.rows("SELECT v::text FROM numbers")) {
      stored.add(row.get(0));
    }
    assertThat(stored).as("DECIMAL(%d,%d)", precision, scale).containsExactlyElementsOf(values);
    String read = postgres.readBack("numbers", 100, allocator);
    for (String value : values) {
      assertThat(read).contains(String.valueOf(value == null ? null : new BigDecimal(value)));
    }
  }

  @Test
  void everyAlignmentRoundTrips() throws Exception {
    roundTrip(
        12,
        2,
        List.of("0.00", "0.01", "-0.01", "1.25", "-1234567890.12", "9999999999.99", "10000.00"));
    roundTrip(18, 0, List.of("999999999999999999", "-999999999999999999", "0", "10000", "1"));
    roundTrip(10, 4, List.of("123456.7890", "-0.0001", "0.0000", "1.0000"));
    roundTrip(7, 3, List.of("1234.567", "-0.001", "1000.000"));
    roundTrip(16, 1, List.of("999999999999999.9", "-0.1", "20000.0"));
  }

  @Test
  void wideDecimalsAndNullsRoundTrip() throws Exception {
    List<String> values =
        new ArrayList<>(List.of("12345678901234567890.0123456789", "-1.0000000001"));
    values.add(null);
    roundTrip(30, 10, values);
    roundTrip(18, 18, List.of("0.999999999999999999", "-0.000000000000000001"));
  }
}
