package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.Home;
import dev.hygge.flow.ReadRequest;
import dev.hygge.state.SupportsWatermark;
import dev.hygge.state.WatermarkFilter;
import dev.hygge.state.WatermarkType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A database home reading a table or the result of a query; with a watermark, only the rows past
 * it, as a bound parameter of the query.
 */
public final class JdbcHome implements Home, SupportsWatermark {
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

  /** The table read ({@code {entity}} not yet replaced), when no query is given. */
  public Optional<String> table() {
    return table;
  }

  /** The query read, when no table is given. */
  public Optional<String> query() {
    return query;
  }

  @Override
  public BatchReader open(ReadRequest request) {
    return open(request, "", List.of());
  }

  @Override
  public BatchReader open(ReadRequest request, WatermarkFilter filter) {
    return open(request, predicate(filter), parameters(filter));
  }

  /**
   * Pushes {@code ORDER BY column NULLS FIRST} into the query (after the watermark predicate, when
   * given). Rows without a value come first, so they are all read before the first value a run can
   * stop after; a continuation's {@code column > ?} would never read them again.
   */
  @Override
  public BatchReader openOrdered(
      ReadRequest request, String column, Optional<WatermarkFilter> filter) {
    String order = " ORDER BY " + database.dialect().quote(column) + " NULLS FIRST";
    return open(
        request,
        filter.map(this::predicate).orElse("") + order,
        filter.map(this::parameters).orElse(List.of()));
  }

  private String predicate(WatermarkFilter filter) {
    return " WHERE "
        + database.dialect().quote(filter.column())
        + " "
        + filter.comparison().operator()
        + " ?";
  }

  private List<Object> parameters(WatermarkFilter filter) {
    return List.of(database.dialect().watermarkParameter(filter.bound()));
  }

  private BatchReader open(ReadRequest request, String predicate, List<Object> parameters) {
    Dialect dialect = database.dialect();
    String entity = request.entity();
    database.requireReadable(entity);
    String columns =
        request.columns().isEmpty()
            ? "*"
            : request.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
    Connection connection = database.connect(entity, ErrorKind.HOME);
    table.ifPresent(
        t ->
            requireTable(
                connection,
                TableName.parse(
                    t.replace(JdbcStore.ENTITY_PLACEHOLDER, JdbcStore.entityName(entity))),
                entity,
                where()));
    return dialect.reader(
        entity,
        where(),
        connection,
        "SELECT " + columns + " FROM " + source(entity) + predicate,
        parameters,
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
  public WatermarkType watermarkType(ReadRequest request, String column) {
    Dialect dialect = database.dialect();
    String entity = request.entity();
    database.requireReadable(entity);
    String probe = "SELECT " + dialect.quote(column) + " FROM " + source(entity) + " WHERE 1 = 0";
    try (Connection connection = database.connect(entity, ErrorKind.HOME);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(probe)) {
      ResultSetMetaData meta = rows.getMetaData();
      ColumnType type =
          new ColumnType(
              meta.getColumnType(1),
              meta.getColumnTypeName(1),
              meta.getPrecision(1),
              meta.getScale(1));
      return dialect
          .readMapping(type)
          .flatMap(mapping -> WatermarkType.of(mapping.arrowType()))
          .orElseThrow(
              () ->
                  HyggeException.home(
                      "Entity "
                          + entity
                          + " cannot use column '"
                          + column
                          + "' of "
                          + where()
                          + " as its watermark: its type "
                          + type.typeName()
                          + " is not a timestamp (with or without time zone), date, integer or text."
                          + " Choose another watermark_column, or cast it in a query:.",
                      null));
    } catch (SQLException e) {
      throw HyggeException.home(
          "Cannot read entity "
              + entity
              + " from "
              + where()
              + ": cannot find watermark_column '"
              + column
              + "' ("
              + e.getMessage()
              + "). Check watermark_column: it must be a column of the table or query.",
          e);
    }
  }

  private String source(String entity) {
    String name = JdbcStore.entityName(entity);
    return table
        .map(
            t ->
                database
                    .dialect()
                    .quote(TableName.parse(t.replace(JdbcStore.ENTITY_PLACEHOLDER, name))))
        .orElseGet(() -> "(" + query.orElseThrow() + ") AS hygge_query");
  }

  private String where() {
    return database.display() + table.map(t -> " table " + t).orElse(" query");
  }

  @Override
  public String describe() {
    return database.dialect().name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + database.display()
        + table.map(t -> " table " + t).orElse(" query");
  }
}
