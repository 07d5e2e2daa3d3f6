package dev.hygge.jdbc.duckdb;

import static java.util.Objects.requireNonNull;

import dev.hygge.flow.LocalFileSet;
import dev.hygge.jdbc.Dialect;
import dev.hygge.jdbc.StagesLocalFiles;
import dev.hygge.jdbc.TableStatements;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages local Parquet files by letting DuckDB read them itself, in parallel and without a JVM in
 * between: {@code INSERT INTO staging (columns) SELECT columns FROM read_parquet([files])}, in the
 * writer's transaction. It declines (stages nothing) unless DuckDB reads every staging column under
 * the same name and into the same type as the staging table has, so the staged values are the ones
 * the batch path would stage. Hive-style directory names add no columns: only the files' own
 * columns are read, as hygge's Parquet reader reads them.
 */
final class ParquetFileStager implements StagesLocalFiles {
  private static final Logger LOG = LoggerFactory.getLogger(ParquetFileStager.class);

  /** Characters DuckDB expands as a glob in a file name, so such a path is not read literally. */
  private static final String GLOB_CHARACTERS = "*?[]{}";

  private static final String NAME_COLUMN = "column_name";
  private static final String TYPE_COLUMN = "column_type";

  private final Connection connection;
  private final TableStatements sql;

  ParquetFileStager(Connection connection, TableStatements sql) {
    this.connection = requireNonNull(connection, "connection is null");
    this.sql = requireNonNull(sql, "sql is null");
  }

  @Override
  public OptionalLong stage(LocalFileSet files) throws SQLException {
    if (files.format() != LocalFileSet.Format.PARQUET) {
      return OptionalLong.empty();
    }
    for (Path path : files.paths()) {
      if (path.toString().chars().anyMatch(c -> GLOB_CHARACTERS.indexOf(c) >= 0)) {
        LOG.debug("Staging {} from batches: DuckDB would take {} for a glob", sql.staging(), path);
        return OptionalLong.empty();
      }
    }
    Dialect dialect = sql.dialect();
    String source =
        "read_parquet(["
            + files.paths().stream()
                .map(path -> literal(path.toAbsolutePath().toString()))
                .collect(Collectors.joining(", "))
            + "], hive_partitioning = false)";
    Map<String, String> read = columnTypes("SELECT * FROM " + source);
    Map<String, String> staged = columnTypes("SELECT * FROM " + dialect.quote(sql.staging()));
    for (String column : sql.columns()) {
      String type = staged.get(column);
      if (type == null || !type.equals(read.get(column))) {
        LOG.debug(
            "Staging {} from batches: DuckDB reads column '{}' of the Parquet files as {}, the"
                + " staging table has {}",
            sql.staging(),
            column,
            read.get(column),
            type);
        return OptionalLong.empty();
      }
    }
    String columns = sql.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
    try (Statement statement = connection.createStatement()) {
      return OptionalLong.of(
          statement.executeLargeUpdate(
              "INSERT INTO "
                  + dialect.quote(sql.staging())
                  + " ("
                  + columns
                  + ") SELECT "
                  + columns
                  + " FROM "
                  + source));
    }
  }

  /** Each column of {@code query}'s result and its DuckDB type, as DuckDB names them. */
  private Map<String, String> columnTypes(String query) throws SQLException {
    Map<String, String> types = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet described = statement.executeQuery("DESCRIBE " + query)) {
      while (described.next()) {
        types.put(described.getString(NAME_COLUMN), described.getString(TYPE_COLUMN));
      }
    }
    return types;
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
