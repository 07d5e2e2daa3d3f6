package dev.hygge.jdbc;

import dev.hygge.flow.StoreWriter;
import dev.hygge.flow.WriteMode;
import dev.hygge.flow.WriteRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** One real database a store test writes into: DuckDB, SQLite (in a directory) or PostgreSQL. */
interface TestTarget {

  /** The database. */
  Database database();

  /** A separate plain connection for checks; the caller closes it. */
  Connection connect() throws SQLException;

  /** The kind of database, for choices a test makes per database. */
  String name();

  /** Runs one statement on a separate connection. */
  default void execute(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Every row of a query's result as text columns. */
  default List<List<String>> rows(String sql) throws SQLException {
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

  /** The column names and type names of {@code quotedTable}, as {@code name TYPE}. */
  default List<String> columns(String quotedTable) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet empty = statement.executeQuery("SELECT * FROM " + quotedTable + " WHERE 1 = 0")) {
      ResultSetMetaData meta = empty.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnName(i) + " " + meta.getColumnTypeName(i).toUpperCase());
      }
    }
    return columns;
  }

  /** Names of the tables whose name contains {@code __hygge_}. */
  default List<String> stagingTables() throws SQLException {
    String sql =
        name().equals("sqlite")
            ? "SELECT name FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_name FROM information_schema.tables";
    return rows(sql).stream().map(r -> r.get(0)).filter(n -> n.contains("__hygge_")).toList();
  }

  /** Writes {@code batches} into {@code table} under {@code policy} and commits. */
  default void write(
      String table,
      WritePolicy policy,
      WriteMode mode,
      BufferAllocator allocator,
      VectorSchemaRoot... batches) {
    JdbcStore store = new JdbcStore(database(), table, policy);
    try (StoreWriter writer =
        store.open(
            new WriteRequest("shop.orders", batches[0].getSchema(), "run-1", mode, allocator))) {
      for (VectorSchemaRoot batch : batches) {
        writer.write(batch);
      }
      writer.commit();
    }
  }

  /** A file database of {@code database} in {@code dir}. */
  static TestTarget file(TestDatabase database, Path dir) {
    return new TestTarget() {
      @Override
      public Database database() {
        return database.file(dir);
      }

      @Override
      public Connection connect() throws SQLException {
        return database.connect(dir);
      }

      @Override
      public String name() {
        return database.name().toLowerCase();
      }

      @Override
      public String toString() {
        return name();
      }
    };
  }

  /** The PostgreSQL of {@code server}. */
  static TestTarget postgres(PostgresTestServer server) {
    return new TestTarget() {
      @Override
      public Database database() {
        return server.server();
      }

      @Override
      public Connection connect() throws SQLException {
        return server.connect();
      }

      @Override
      public String name() {
        return "postgres";
      }

      @Override
      public String toString() {
        return name();
      }
    };
  }
}
