package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.ReadRequest;
import dev.hygge.jdbc.postgres.PostgresHome;
import dev.hygge.jdbc.postgres.ReadMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL home's binary COPY reader on a real PostgreSQL: every readable type reads into the
 * same Arrow values as through the JDBC cursor, and parallel key ranges read every row once.
 */
class PostgresCopyReadTest {
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

  private PostgresHome home(String table, ReadMethod method) {
    return new PostgresHome(
        postgres.server(), Optional.of(table), Optional.empty(), Optional.empty(), 1, method);
  }

  private PostgresHome partitioned(String table, int partitions) {
    return new PostgresHome(
        postgres.server(),
        Optional.of(table),
        Optional.empty(),
        Optional.of("id"),
        partitions,
        ReadMethod.COPY);
  }

  /** The schema and every row as text, batch by batch. */
  private String read(PostgresHome home, int batchSize) {
    StringBuilder text = new StringBuilder();
    try (BatchReader reader =
        home.open(new ReadRequest("shop.orders", List.of(), batchSize, allocator))) {
      text.append(reader.schema()).append('\n');
      while (reader.loadNextBatch()) {
        text.append(TestDatabase.render(reader.root())).append("--\n");
      }
    }
    return text.toString();
  }

  private void createEveryType() throws Exception {
    postgres.execute(
        "CREATE TABLE every (id bigint, b boolean, s smallint, i integer, l bigint, r real,"
            + " d double precision, t text, v varchar(20), c char(5), n name, y bytea, dt date,"
            + " ts timestamp, tz timestamptz, tm time, m numeric(12,2), w numeric(30,10),"
            + " z numeric(5,0), f numeric(18,18))");
    postgres.execute(
        "INSERT INTO every VALUES"
            + " (1, true, -32768, -2147483648, -9223372036854775808, 1.5, -2.25, 'hygge', 'ø å',"
            + " 'ab', 'nm', '\\x00ff10', '1969-07-20', '1999-12-31 23:59:59.999999',"
            + " '2024-02-29 12:00:00.000001+00', '00:00:00.000001', -1234567890.12,"
            + " 12345678901234567890.0123456789, 99999, 0.000000000000000001),"
            + " (2, false, 32767, 2147483647, 9223372036854775807, 'NaN', 'Infinity', '', '',"
            + " '', '', '\\x', '2000-01-01', '2000-01-01 00:00:00', '1900-01-01 00:00:00+00',"
            + " '23:59:59.999999', 0.01, -0.0000000001, -5, -0.999999999999999999),"
            + " (3, null, null, null, null, null, null, null, null, null, null, null, null,"
            + " null, null, null, null, null, null, null),"
            + " (4, true, 0, 0, 0, 0, 0, 'ünïcødé ✓ 𝄞', 'x', 'abcde', 'n', '\\x7f', '2262-04-11',"
            + " '1800-01-01 00:00:00', '2038-01-19 03:14:08+00', '12:34:56', 10000.00,"
            + " 10000, 0, 0)");
  }

  @Test
  void everyTypeReadsAsThroughTheCursor() throws Exception {
    createEveryType();

    String copied = read(home("every", ReadMethod.COPY), 1000);
    String cursor = read(home("every", ReadMethod.CURSOR), 1000);

    assertThat(copied).isEqualTo(cursor);
    assertThat(copied)
        .contains(
            "1|true|-32768|-2147483648|-9223372036854775808|1.5|-2.25|hygge|ø å|ab   |nm|00ff10"
                + "|-165|1999-12-31T23:59:59.999999|1709208000000001|1|-1234567890.12"
                + "|12345678901234567890.0123456789|99999|1E-18|")
        .contains("3|null|null|null|null|null|null|null|null|null|null|null|null|null|null|null")
        .contains("|ünïcødé ✓ 𝄞|")
        .contains("|10957|2000-01-01T00:00|-2208988800000000|86399999999|0.01|-1E-10|-5|")
        .contains("|10000.00|10000.0000000000|0|0E-18|");
  }

  @Test
  void smallBatchesSplitTheRowsInOrder() throws Exception {
    createEveryType();

    String copied = read(home("every", ReadMethod.COPY), 3);

    assertThat(copied.split("--\n")).hasSize(2);
    assertThat(copied.replace("--\n", ""))
        .isEqualTo(read(home("every", ReadMethod.CURSOR), 1000).replace("--\n", ""));
  }

  @Test
  void aQueryAndAnEmptyResultRead() throws Exception {
    createEveryType();
    PostgresHome query =
        new PostgresHome(
            postgres.server(),
            Optional.empty(),
            Optional.of("SELECT id, t FROM every WHERE id > 100"),
            Optional.empty(),
            1,
            ReadMethod.COPY);

    assertThat(read(query, 10)).isEqualTo("Schema<id: Int(64, true), t: Utf8>\n");
  }

  @Test
  void aQueryWithTheJsonbQuestionMarkOperatorIsNoParameter() throws Exception {
    postgres.execute("CREATE TABLE docs (id integer, doc jsonb)");
    postgres.execute("INSERT INTO docs VALUES (1, '{\"k\": 1}'), (2, '{\"x\": 2}')");
    PostgresHome query =
        new PostgresHome(
            postgres.server(),
            Optional.empty(),
            Optional.of("SELECT id FROM docs WHERE doc ? 'k'"),
            Optional.empty(),
            1,
            ReadMethod.COPY);

    assertThat(read(query, 10)).isEqualTo("Schema<id: Int(32, true)>\n1|\n--\n");
  }

  @Test
  void partitionsReadEveryRowOnceIncludingNullKeys() throws Exception {
    postgres.execute("CREATE TABLE orders (id bigint, note text)");
    postgres.execute(
        "INSERT INTO orders SELECT g, 'n' || g FROM generate_series(-20, 1000) g"
            + " UNION ALL SELECT null, 'no key' FROM generate_series(1, 7)");

    List<Long> ids = new ArrayList<>();
    int nulls = 0;
    try (BatchReader reader =
        partitioned("orders", 4).open(new ReadRequest("shop.orders", List.of(), 100, allocator))) {
      while (reader.loadNextBatch()) {
        BigIntVector id = (BigIntVector) reader.root().getVector("id");
        for (int row = 0; row < reader.root().getRowCount(); row++) {
          if (id.isNull(row)) {
            nulls++;
          } else {
            ids.add(id.get(row));
          }
        }
      }
      assertThat(reader.filesRead()).isEqualTo(4);
    }

    assertThat(nulls).isEqualTo(7);
    assertThat(ids).hasSize(1021).doesNotHaveDuplicates();
    assertThat(ids.stream().mapToLong(Long::longValue).sum())
        .isEqualTo(java.util.stream.LongStream.rangeClosed(-20, 1000).sum());
  }

  @Test
  void moreAskedPartitionsThanKeysAndNoKeysAtAllStillReadEverything() throws Exception {
    postgres.execute("CREATE TABLE orders (id integer, note text)");
    postgres.execute("INSERT INTO orders VALUES (5, 'a'), (6, 'b'), (null, 'c')");
    postgres.execute("CREATE TABLE nokeys (id integer, note text)");
    postgres.execute("INSERT INTO nokeys VALUES (null, 'x'), (null, 'y')");

    assertThat(read(partitioned("orders", 8), 10).lines().filter(l -> l.endsWith("|")).sorted())
        .containsExactly("5|a|", "6|b|", "null|c|");
    assertThat(read(partitioned("nokeys", 8), 10).lines().filter(l -> l.endsWith("|")).sorted())
        .containsExactly("null|x|", "null|y|");
  }

  @Test
  void aTextPartitionColumnFailsNamingIt() throws Exception {
    postgres.execute("CREATE TABLE orders (id text)");
    postgres.execute("INSERT INTO orders VALUES ('a')");

    assertThatThrownBy(() -> read(partitioned("orders", 2), 10))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.HOME))
        .hasMessageContaining("Cannot read entity shop.orders")
        .hasMessageContaining("partition_column id holds String values");
  }

  @Test
  void anUnreadableTypeFailsNamingTheColumn() throws Exception {
    postgres.execute("CREATE TABLE orders (id integer, doc jsonb)");

    assertThatThrownBy(() -> read(home("orders", ReadMethod.COPY), 10))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.HOME))
        .hasMessageContaining("column 'doc' has type jsonb")
        .hasMessageContaining("cast it in a query:");
  }

  @Test
  void aMissingTableFailsNamingIt() {
    assertThatThrownBy(() -> read(home("missing", ReadMethod.COPY), 10))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("table missing does not exist");
  }
}
