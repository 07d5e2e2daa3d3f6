package dev.hygge.jdbc.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.WriteMode;
import dev.hygge.flow.WriteRequest;
import dev.hygge.jdbc.IfExists;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the SQL Server store checks before any data moves, and how it fails to connect, with the
 * real driver against a port where nothing listens (no SQL Server runs here).
 */
class SqlServerStoreTest {
  private final RootAllocator allocator = new RootAllocator();
  private final List<Long> sleeps = new ArrayList<>();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private SqlServerDatabase unreachable() throws Exception {
    return new SqlServerDatabase(
        "jdbc:sqlserver://127.0.0.1:" + closedPort() + ";databaseName=shop;loginTimeout=2",
        Optional.of("loader"),
        Optional.of("s3cret-pw"),
        Authentication.SQL_PASSWORD,
        new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), b -> b, sleeps::add));
  }

  private static SqlServerStoreOptions options(SchemaOverrides overrides, List<String> key) {
    return new SqlServerStoreOptions(
        "raw.{entity}",
        Optional.of(IfExists.APPEND),
        key.isEmpty() ? WriteStrategy.DIRECT_INSERT : WriteStrategy.MERGE,
        key,
        overrides,
        SqlServerStoreOptions.DEFAULT_BATCH_SIZE,
        2);
  }

  private WriteRequest request(Field... fields) {
    return new WriteRequest(
        "sales.orders", new Schema(List.of(fields)), "run-1", WriteMode.APPEND, allocator);
  }

  @Test
  void anUnsupportedColumnFailsBeforeConnectingNamingTableAndColumn() throws Exception {
    SqlServerStore store =
        new SqlServerStore(unreachable(), options(SchemaOverrides.NONE, List.of()));

    assertThatThrownBy(
            () ->
                store.open(
                    request(
                        Field.nullable("id", new ArrowType.Int(64, true)),
                        Field.nullable("tags", ArrowType.List.INSTANCE))))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STORE))
        .hasMessageContainingAll(
            "Cannot write entity sales.orders into jdbc:sqlserver://127.0.0.1:",
            "table raw.orders: column 'tags' has Arrow type List",
            "which SQL Server stores do not support");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aDecimalWiderThan38DigitsFailsSayingSo() throws Exception {
    SqlServerStore store =
        new SqlServerStore(unreachable(), options(SchemaOverrides.NONE, List.of()));

    assertThatThrownBy(
            () -> store.open(request(Field.nullable("amount", new ArrowType.Decimal(40, 2, 256)))))
        .isInstanceOf(HyggeException.class)
        .hasMessageContainingAll(
            "column 'amount' has Arrow type Decimal(40, 2, 256)",
            "a decimal wider than the 38 digits SQL Server holds");
  }

  @Test
  void overridesAndKeysMustNameRealColumns() throws Exception {
    SqlServerStore overriding =
        new SqlServerStore(
            unreachable(), options(new SchemaOverrides(Map.of("cost", "MONEY")), List.of()));
    SqlServerStore merging =
        new SqlServerStore(unreachable(), options(SchemaOverrides.NONE, List.of("order_id")));
    Field id = Field.nullable("id", new ArrowType.Int(64, true));

    assertThatThrownBy(() -> overriding.open(request(id)))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining(
            "schema_overrides names column 'cost', which the data does not have (its columns:"
                + " id)");
    assertThatThrownBy(() -> merging.open(request(id)))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("primary_key names column 'order_id'");
  }

  @Test
  void anUnreachableServerIsRetriedThenFailsWithoutShowingThePassword() throws Exception {
    SqlServerStore store =
        new SqlServerStore(unreachable(), options(SchemaOverrides.NONE, List.of()));

    assertThatThrownBy(() -> store.open(request(Field.nullable("id", new ArrowType.Int(64, true)))))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STORE))
        .hasMessageContainingAll(
            "Cannot connect to SQL Server database jdbc:sqlserver://127.0.0.1:",
            " as loader (SqlPassword) for entity sales.orders",
            "check url, user, password and authentication")
        .hasMessageNotContaining("s3cret-pw");
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void theDatabaseNeverShowsItsPassword() throws Exception {
    SqlServerDatabase database = unreachable();

    assertThat(database.toString())
        .contains("password=***", "authentication=SqlPassword")
        .doesNotContain("s3cret-pw");
    assertThat(database.display()).matches("jdbc:sqlserver://127\\.0\\.0\\.1:\\d+");
    assertThat(database.masked("login failed with s3cret-pw")).isEqualTo("login failed with ***");
  }
}
