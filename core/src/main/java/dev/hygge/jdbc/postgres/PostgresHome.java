package dev.hygge.jdbc.postgres;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.Home;
import dev.hygge.flow.ReadRequest;
import dev.hygge.jdbc.Dialect;
import dev.hygge.jdbc.JdbcHome;
import dev.hygge.jdbc.JdbcStore;
import dev.hygge.jdbc.PartitionedBatchReader;
import dev.hygge.jdbc.RangePartitions;
import dev.hygge.jdbc.TableName;
import dev.hygge.state.SupportsWatermark;
import dev.hygge.state.WatermarkFilter;
import dev.hygge.state.WatermarkType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A table or query of a PostgreSQL database, read with binary {@code COPY ... TO STDOUT} (or, with
 * {@link ReadMethod#CURSOR}, a server-side cursor). With a {@code partition_column} and more than
 * one partition, the key's range is split ({@link RangePartitions}) and the ranges are copied in
 * parallel, each over its own connection. Reads past a watermark bind the watermark as a parameter,
 * which {@code COPY} cannot take, so they go through the cursor.
 */
public final class PostgresHome implements Home, SupportsWatermark {
  private final PostgresServer server;
  private final Optional<String> table;
  private final Optional<String> query;
  private final Optional<String> partitionColumn;
  private final int partitions;
  private final ReadMethod method;

  /**
   * @param table the table ({@code {entity}} replaced at open), when no query is given
   * @param query the query, when no table is given
   * @param partitionColumn an integer column to split the reads by
   * @param partitions how many ranges to read in parallel
   * @throws IllegalArgumentException unless exactly one of table and query is present, or when
   *     partitions is below 1
   */
  public PostgresHome(
      PostgresServer server,
      Optional<String> table,
      Optional<String> query,
      Optional<String> partitionColumn,
      int partitions,
      ReadMethod method) {
    this.server = requireNonNull(server, "server is null");
    this.table = requireNonNull(table, "table is null");
    this.query = requireNonNull(query, "query is null");
    this.partitionColumn = requireNonNull(partitionColumn, "partitionColumn is null");
    this.partitions = partitions;
    this.method = requireNonNull(method, "method is null");
    if (table.isPresent() == query.isPresent()) {
      throw new IllegalArgumentException("give exactly one of table and query");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1");
    }
  }

  private JdbcHome cursorHome() {
    return new JdbcHome(server, table, query);
  }

  @Override
  public BatchReader open(ReadRequest request) {
    if (method == ReadMethod.CURSOR && (partitionColumn.isEmpty() || partitions == 1)) {
      return cursorHome().open(request);
    }
    String entity = request.entity();
    String source = source(entity);
    table.ifPresent(t -> requireTable(entity));
    String select = "SELECT " + columns(request) + " FROM " + source;
    if (partitionColumn.isEmpty() || partitions == 1) {
      return copy(request, select);
    }
    String column = server.dialect().quote(partitionColumn.get());
    Optional<long[]> bounds = bounds(entity, source, column);
    if (bounds.isEmpty()) {
      return copy(request, select);
    }
    List<BatchReader> readers = new ArrayList<>();
    try {
      for (String predicate :
          RangePartitions.predicates(column, bounds.get()[0], bounds.get()[1], partitions)) {
        String part = select + " WHERE (" + predicate + ")";
        readers.add(
            method == ReadMethod.COPY
                ? copy(request, part)
                : new JdbcHome(server, Optional.empty(), Optional.of(part)).open(request));
      }
    } catch (RuntimeException e) {
      for (BatchReader reader : readers) {
        try {
          reader.close();
        } catch (RuntimeException closeFailed) {
          e.addSuppressed(closeFailed);
        }
      }
      throw e;
    }
    return new PartitionedBatchReader(entity, readers, request.allocator());
  }

  private BatchReader copy(ReadRequest request, String select) {
    Connection connection = server.connect(request.entity(), ErrorKind.HOME);
    return new CopyBatchReader(
        request.entity(),
        where(),
        connection,
        server.dialect(),
        select,
        request.batchSize(),
        request.allocator());
  }

  @Override
  public BatchReader open(ReadRequest request, WatermarkFilter filter) {
    return cursorHome().open(request, filter);
  }

  /**
   * Reads through the cursor, never in partitions: parallel ranges would hand batches out of the
   * column's order.
   */
  @Override
  public BatchReader openOrdered(
      ReadRequest request, String column, Optional<WatermarkFilter> filter) {
    return cursorHome().openOrdered(request, column, filter);
  }

  @Override
  public WatermarkType watermarkType(ReadRequest request, String column) {
    return cursorHome().watermarkType(request, column);
  }

  private String columns(ReadRequest request) {
    Dialect dialect = server.dialect();
    return request.columns().isEmpty()
        ? "*"
        : request.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
  }

  private String source(String entity) {
    return table
        .map(t -> server.dialect().quote(tableName(t, entity)))
        .orElseGet(() -> "(" + query.orElseThrow() + ") AS hygge_query");
  }

  private static TableName tableName(String table, String entity) {
    return TableName.parse(
        table.replace(JdbcStore.ENTITY_PLACEHOLDER, JdbcStore.entityName(entity)));
  }

  private void requireTable(String entity) {
    TableName name = tableName(table.orElseThrow(), entity);
    try (Connection connection = server.connect(entity, ErrorKind.HOME)) {
      if (!server.dialect().tableExists(connection, name)) {
        throw HyggeException.home(
            "Cannot read entity "
                + entity
                + " from "
                + where()
                + ": table "
                + name
                + " does not exist (check 'table:' and the schema; quoted names keep their"
                + " case).",
            null);
      }
    } catch (SQLException e) {
      throw HyggeException.home(
          "Cannot read entity "
              + entity
              + " from "
              + where()
              + ": cannot look up table "
              + name
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The key's lowest and highest value; empty when no row has a key. */
  private Optional<long[]> bounds(String entity, String source, String column) {
    String sql = "SELECT MIN(" + column + "), MAX(" + column + ") FROM " + source;
    try (Connection connection = server.connect(entity, ErrorKind.HOME);
        Statement statement = connection.createStatement();
        ResultSet range = statement.executeQuery(sql)) {
      range.next();
      Object min = range.getObject(1);
      Object max = range.getObject(2);
      if (min == null || max == null) {
        return Optional.empty();
      }
      return Optional.of(new long[] {whole(entity, min), whole(entity, max)});
    } catch (SQLException e) {
      throw HyggeException.home(
          "Cannot read entity "
              + entity
              + " from "
              + where()
              + ": cannot find the range of partition_column "
              + partitionColumn.orElseThrow()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private long whole(String entity, Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    }
    throw HyggeException.home(
        "Cannot read entity "
            + entity
            + " from "
            + where()
            + ": partition_column "
            + partitionColumn.orElseThrow()
            + " holds "
            + value.getClass().getSimpleName()
            + " values; partitioned reads need an integer column (smallint, integer or bigint):"
            + " pick another partition_column or set partitions: 1.",
        null);
  }

  private String where() {
    return server.display() + table.map(t -> " table " + t).orElse(" query");
  }

  @Override
  public String describe() {
    return "postgresql "
        + where()
        + partitionColumn
            .filter(c -> partitions > 1)
            .map(c -> " in " + partitions + " partitions by " + c)
            .orElse("")
        + (method == ReadMethod.CURSOR ? " through a cursor" : "");
  }
}
