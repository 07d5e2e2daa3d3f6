package dev.hygge.jdbc;

import dev.hygge.flow.BatchReader;
import dev.hygge.flow.ReadRequest;
import dev.hygge.flow.StoreWriter;
import dev.hygge.flow.WriteMode;
import dev.hygge.flow.WriteRequest;
import dev.hygge.jdbc.duckdb.DuckDbDialect;
import dev.hygge.jdbc.sqlite.SqliteDialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** The in-process databases the dialect tests run against, with shortcuts to write and read. */
enum TestDatabase {
  DUCKDB(DuckDbDialect::new, "test.duckdb"),
  SQLITE(SqliteDialect::new, "test.sqlite");

  private final Supplier<FileDialect> dialect;
  private final String fileName;

  TestDatabase(Supplier<FileDialect> dialect, String fileName) {
    this.dialect = dialect;
    this.fileName = fileName;
  }

  FileDialect dialect() {
    return dialect.get();
  }

  DatabaseFile file(Path dir) {
    return new DatabaseFile(dialect(), dir.resolve(fileName), fileName);
  }

  /** A separate plain JDBC connection, for checks; the caller closes it. */
  Connection connect(Path dir) throws SQLException {
    return DriverManager.getConnection(dialect().url(dir.resolve(fileName)));
  }

  /** Runs one statement on a separate connection. */
  void execute(Path dir, String sql) throws SQLException {
    try (Connection connection = connect(dir);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Every row of a query's result as text columns, on a separate connection. */
  List<List<String>> rows(Path dir, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = connect(dir);
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

  /** Names of the tables whose name contains {@code __hygge_}, i.e. leftover staging tables. */
  List<String> stagingTables(Path dir) throws SQLException {
    String sql =
        this == DUCKDB
            ? "SELECT table_name FROM information_schema.tables"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
    return rows(dir, sql).stream().map(r -> r.get(0)).filter(n -> n.contains("__hygge_")).toList();
  }

  /** Writes {@code batches} into {@code table} and commits. */
  void write(
      Path dir,
      String table,
      Optional<IfExists> ifExists,
      WriteMode mode,
      BufferAllocator allocator,
      VectorSchemaRoot... batches) {
    JdbcStore store = new JdbcStore(file(dir), table, ifExists);
    Schema schema = batches[0].getSchema();
    try (StoreWriter writer =
        store.open(new WriteRequest("shop.orders", schema, "run-1", mode, allocator))) {
      for (VectorSchemaRoot batch : batches) {
        writer.write(batch);
      }
      writer.commit();
    }
  }

  /** Reads {@code table} back through the dialect's read mappings, as Arrow text. */
  String readBack(Path dir, String table, BufferAllocator allocator) {
    JdbcHome home = new JdbcHome(file(dir), Optional.of(table), Optional.empty());
    StringBuilder text = new StringBuilder();
    try (BatchReader reader =
        home.open(new ReadRequest("shop.orders", List.of(), 1000, allocator))) {
      text.append(reader.schema()).append('\n');
      while (reader.loadNextBatch()) {
        text.append(render(reader.root()));
      }
    }
    return text.toString();
  }

  /** The rows as text, one per line, with byte strings in hex (unlike contentToTSVString). */
  static String render(VectorSchemaRoot root) {
    StringBuilder text = new StringBuilder();
    for (int row = 0; row < root.getRowCount(); row++) {
      for (var vector : root.getFieldVectors()) {
        Object value = vector.getObject(row);
        text.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value);
        text.append('|');
      }
      text.append('\n');
    }
    return text.toString();
  }
}
