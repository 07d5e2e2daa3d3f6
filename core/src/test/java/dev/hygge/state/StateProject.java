package dev.hygge.state;

import dev.hygge.config.ProjectLoader;
import dev.hygge.config.RunType;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A project directory for state tests: writes hygge.yml, runs it, and queries DuckDB files. */
record StateProject(Path dir) {

  void write(String yml) throws IOException {
    Files.writeString(dir.resolve("hygge.yml"), yml);
  }

  /** Runs every entity as configured. */
  RunReport run() {
    return new FlowInvoker(ProjectLoader.load(dir)).invoke(Invocation.Manual.all());
  }

  /** Runs every entity with {@code --full-refresh}. */
  RunReport runFullRefresh() {
    return new FlowInvoker(ProjectLoader.load(dir))
        .invoke(
            new Invocation.Manual(
                List.of(),
                List.of(),
                new Invocation.RunOptions(Optional.of(RunType.FULL_DROP), OptionalInt.empty())));
  }

  LocalStateStore store() {
    return new LocalStateStore(dir.resolve(StateConfig.DEFAULT_DIRECTORY));
  }

  LocalRunJournal journal() {
    return new LocalRunJournal(dir.resolve(StateConfig.DEFAULT_DIRECTORY));
  }

  Optional<String> watermark(String flow, String entity) {
    return store()
        .read(new EntityKey(flow, entity))
        .flatMap(v -> v.state().watermark())
        .map(w -> w.value().text());
  }

  /** Runs statements on a DuckDB file of the project. */
  void duckdb(String file, String... sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(file));
        Statement statement = connection.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }

  /** The rows of a query on a DuckDB file, each column as text. */
  List<List<String>> rows(String file, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(file));
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(result.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
