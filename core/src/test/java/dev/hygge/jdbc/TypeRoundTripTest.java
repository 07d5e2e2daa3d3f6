package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.WriteMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every Arrow type a dialect supports is written, read back and compared; others fail early. */
class TypeRoundTripTest {
  @TempDir Path dir;
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void everySupportedTypeRoundTrips(TestDatabase database) {
    boolean decimals = database == TestDatabase.DUCKDB;
    try (VectorSchemaRoot batch = SampleBatches.allTypes(allocator, decimals)) {
      database.write(dir, "types", Optional.empty(), WriteMode.REPLACE, allocator, batch);

      String read = database.readBack(dir, "types", allocator);

      assertThat(read).isEqualTo(batch.getSchema() + "\n" + TestDatabase.render(batch));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void largeStringsAreWrittenAsTextAndReadBackAsStrings(TestDatabase database) {
    try (VectorSchemaRoot batch = SampleBatches.largeStrings(allocator)) {
      database.write(dir, "notes", Optional.empty(), WriteMode.REPLACE, allocator, batch);

      assertThat(database.readBack(dir, "notes", allocator))
          .isEqualTo("Schema<note: Utf8>\nlong ünïcødé text 🐟|\n|\nnull|\n");
    }
  }

  @Test
  void duckDbDecimalVariantsRoundTrip() {
    try (VectorSchemaRoot batch = SampleBatches.decimalVariants(allocator)) {
      TestDatabase.DUCKDB.write(dir, "dec", Optional.empty(), WriteMode.REPLACE, allocator, batch);

      assertThat(TestDatabase.DUCKDB.readBack(dir, "dec", allocator))
          .isEqualTo(batch.getSchema() + "\n" + TestDatabase.render(batch));
    }
  }

  @Test
  void sqliteRejectsDecimalsNamingTableAndColumn() {
    try (VectorSchemaRoot batch = SampleBatches.allTypes(allocator, true)) {
      assertThatThrownBy(
              () ->
                  TestDatabase.SQLITE.write(
                      dir, "main.types", Optional.empty(), WriteMode.REPLACE, allocator, batch))
          .isInstanceOf(HyggeException.class)
          .hasMessage(
              "Cannot write entity shop.orders into test.sqlite table main.types: column"
                  + " 'amount' has Arrow type Decimal(12, 2, 128), which SQLite stores do not"
                  + " support (select or cast the column in the home).");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void unsupportedTypesFailBeforeAnythingIsWritten(TestDatabase database) throws Exception {
    List<ArrowType> unsupported =
        List.of(
            new ArrowType.Int(32, false),
            new ArrowType.Timestamp(TimeUnit.MILLISECOND, null),
            new ArrowType.Time(TimeUnit.SECOND, 32),
            ArrowType.LargeBinary.INSTANCE,
            new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.HALF));
    for (ArrowType type : unsupported) {
      Schema schema = new Schema(List.of(Field.nullable("odd col", type)));
      try (VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator)) {
        assertThatThrownBy(
                () ->
                    database.write(
                        dir, "odd", Optional.empty(), WriteMode.REPLACE, allocator, batch))
            .isInstanceOf(HyggeException.class)
            .hasMessageContaining("table odd: column 'odd col' has Arrow type " + type)
            .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STORE));
      }
    }
    assertThat(database.file(dir).path()).doesNotExist();
  }
}
