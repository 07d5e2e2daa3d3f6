package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.WriteMode;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The postgres store and home against a real PostgreSQL: types, names and write semantics. */
class PostgresStoreTest {
  private static PostgresTestServer postgres;
  private final RootAllocator allocator = new RootAllocator();

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresTestServer.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void emptyDatabase() throws Exception {
    postgres.reset();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void everySupportedTypeRoundTripsWithNulls() throws Exception {
    try (VectorSchemaRoot batch = SampleBatches.allTypes(allocator, true)) {
      postgres.write("types", Optional.empty(), WriteMode.REPLACE, allocator, batch);

      String read = postgres.readBack("types", 2, allocator);

      String expected =
          (batch.getSchema() + "\n" + TestDatabase.render(batch))
              .replace("tiny: Int(8, true)", "tiny: Int(16, true)");
      assertThat(read).isEqualTo(expected);
    }
    assertThat(
            postgres.rows(
                "SELECT data_type FROM information_schema.columns WHERE table_name = 'types'"
                    + " ORDER BY ordinal_position"))
        .extracting(r -> r.get(0))
        .containsExactly(
            "boolean",
            "smallint",
            "smallint",
            "integer",
            "bigint",
            "real",
            "double precision",
            "text",
            "bytea",
            "date",
            "timestamp without time zone",
            "timestamp with time zone",
            "time without time zone",
            "numeric");
    assertThat(postgres.rows("SELECT amount, day, moment FROM types ORDER BY normal"))
        .containsExactly(
            List.of("-0.01", "0001-01-01", "1969-12-31 23:59:58.999999"),
            List.of("1234567890.12", "2024-01-31", "2024-01-31 10:00:00.123456"),
            java.util.Arrays.asList(null, null, null));
  }

  @Test
  void decimalVariantsRoundTrip() {
    try (VectorSchemaRoot batch = SampleBatches.decimalVariants(allocator)) {
      postgres.write("dec", Optional.empty(), WriteMode.REPLACE, allocator, batch);

      assertThat(postgres.readBack("dec", 2, allocator))
          .isEqualTo(batch.getSchema() + "\n" + TestDatabase.render(batch));
    }
  }

  @Test
  void largeStringsAreCopiedAsTextAndReadBackAsStrings() {
    try (VectorSchemaRoot batch = SampleBatches.largeStrings(allocator)) {
      postgres.write("notes", Optional.empty(), WriteMode.REPLACE, allocator, batch);

      assertThat(postgres.readBack("notes", 2, allocator))
          .isEqualTo("Schema<note: Utf8>\nlong ünïcødé text 🐟|\n|\nnull|\n");
    }
  }

  @Test
  void manyBatchesLargerThanTheCopyBufferArriveWhole() throws Exception {
    try (VectorSchemaRoot first = SampleBatches.idsAndNames(allocator, 1, 60_000);
        VectorSchemaRoot second = SampleBatches.idsAndNames(allocator, 60_001, 120_000)) {
      postgres.write("many", Optional.empty(), WriteMode.REPLACE, allocator, first, second);
    }

    assertThat(postgres.rows("SELECT count(*), sum(id), max(name) FROM many"))
        .containsExactly(List.of("120000", "7200060000", "name 99999"));
  }

  @Test
  void unsupportedTypesFailBeforeAnythingIsWritten() throws Exception {
    List<ArrowType> unsupported =
        List.of(
            new ArrowType.Int(32, false),
            new ArrowType.Timestamp(TimeUnit.NANOSECOND, "UTC"),
            new ArrowType.Time(TimeUnit.SECOND, 32),
            ArrowType.LargeBinary.INSTANCE);
    for (ArrowType type : unsupported) {
      Schema schema = new Schema(List.of(Field.nullable("odd col", type)));
      try (VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator)) {
        assertThatThrownBy(
                () -> postgres.write("odd", Optional.empty(), WriteMode.REPLACE, allocator, batch))
            .isInstanceOf(HyggeException.class)
            .hasMessage(
                "Cannot write entity shop.orders into "
                    + postgres.url()
                    + " table odd: column 'odd col' has Arrow type "
                    + type
                    + ", which PostgreSQL stores do not support (select or cast the column in the"
                    + " home).")
            .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STORE));
      }
    }
    assertThat(
            postgres.rows(
                "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'public'"))
        .isEmpty();
  }

  @Test
  void unreadableColumnTypesFailAtOpenNamingTheColumn() {
    JdbcHome home =
        new JdbcHome(
            postgres.server(),
            Optional.empty(),
            Optional.of("SELECT 1 AS id, '{1,2}'::int[] AS \"Created At\""));

    assertThatThrownBy(
            () ->
                home.open(new dev.hygge.flow.ReadRequest("shop.orders", List.of(), 10, allocator)))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "Cannot read entity shop.orders from "
                + postgres.url()
                + " query: column 'Created At' has type _int4, which hygge cannot read"
                + " from PostgreSQL (cast it in a query:).")
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.HOME));
  }
}
