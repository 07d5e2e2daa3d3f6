package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.Home;
import dev.hygge.flow.ReadRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.Collectors;

/** A database home reading a table or the result of a query. */
public final class JdbcHome implements Home {
  private final Database database;
  private final Optional<String> table;
  private final Optional<String> query;

  /**
   * @param database the database file or server
   * @param table the table to read ({@code {entity}} replaced at open), when no query is given
   * @param query the query to read, when no table is given
   * @throws IllegalArgumentException unless exactly one of table and query is present
   */
  public JdbcHome(Database database, Optional<String> table, Optional<String> query) {
    this.database = requireNonNull(database, "database is null");
    this.table = requireNonNull(table, "table is null");
    this.query = requireNonNull(query, "query is null");
    if (table.isPresent() == query.isPresent()) {
      throw new IllegalArgumentException("give exactly one of table and query");
    }
  }

  @Override
  public BatchReader open(ReadRequest request) {
    Dialect dialect = database.dialect();
    String entity = request.entity();
    String name = JdbcStore.entityName(entity);
    database.requireReadable(entity);
    String source =
        table
            .map(t -> dialect.quote(TableName.parse(t.replace(JdbcStore.ENTITY_PLACEHOLDER, name))))
            .orElseGet(() -> "(" + query.orElseThrow() + ") AS hygge_query");
    String columns =
        request.columns().isEmpty()
            ? "*"
            : request.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
    String where = database.display() + table.map(t -> " table " + t).orElse(" query");
    Connection connection = database.connect(entity, ErrorKind.HOME);
    table.ifPresent(
        t ->
            requireTable(
                connection,
                TableName.parse(t.replace(JdbcStore.ENTITY_PLACEHOLDER, name)),
                entity,
                where));
    return new JdbcBatchReader(
        entity,
        where,
        connection,
        dialect,
        "SELECT " + columns + " FROM " + source,
        request.batchSize(),
        request.allocator());
  }

  /** Fails, closing {@code connection}, when {@code source} does not exist. */
  private void requireTable(Connection connection, TableName source, String entity, String where) {
    HyggeException missing = null;
    try {
      if (!database.dialect().tableExists(connection, source)) {
        missing =
            HyggeException.home(
                "Cannot read entity "
                    + entity
                    + " from "
                    + where
                    + ": table "
                    + source
                    + " does not exist (check 'table:' and the schema; quoted names keep their"
                    + " case).",
                null);
      }
    } catch (SQLException e) {
      missing =
          HyggeException.home(
              "Cannot read entity "
                  + entity
                  + " from "
                  + where
                  + ": cannot look up table "
                  + source
                  + ": "
                  + e.getMessage(),
              e);
    }
    if (missing != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        missing.addSuppressed(e);
      }
      throw missing;
    }
  }

  @Override
  public String describe() {
    return database.dialect().name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + database.display()
        + table.map(t -> " table " + t).orElse(" query");
  }
}
