package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.Home;
import dev.hygge.flow.ReadRequest;
import dev.hygge.jdbc.JdbcHome;
import dev.hygge.jdbc.JdbcStore;
import dev.hygge.jdbc.PartitionedBatchReader;
import dev.hygge.jdbc.RangePartitions;
import dev.hygge.jdbc.TableName;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table or query of a SQL Server database. With a {@code partition_column} and more than one
 * partition, the key's range is split ({@link RangePartitions}) and the partitions are read in
 * parallel, each over its own connection.
 */
public final class SqlServerHome implements Home {
  private final SqlServerDatabase database;
  private final Optional<String> table;
  private final Optional<String> query;
  private final Optional<String> partitionColumn;
  private final int partitions;

  /**
   * @param table the table ({@code {entity}} replaced at open), when no query is given
   * @param query the query, when no table is given
   * @param partitionColumn an integer column to split the reads by
   * @param partitions how many ranges to read in parallel
   * @throws IllegalArgumentException unless exactly one of table and query is present, or when
   *     partitions is below 1
   */
  public SqlServerHome(
      SqlServerDatabase database,
      Optional<String> table,
      Optional<String> query,
      Optional<String> partitionColumn,
      int partitions) {
    this.database = requireNonNull(database, "database is null");
    this.table = requireNonNull(table, "table is null");
    this.query = requireNonNull(query, "query is null");
    this.partitionColumn = requireNonNull(partitionColumn, "partitionColumn is null");
    this.partitions = partitions;
    if (table.isPresent() == query.isPresent()) {
      throw new IllegalArgumentException("give exactly one of table and query");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1");
    }
  }

  @Override
  public BatchReader open(ReadRequest request) {
    if (partitionColumn.isEmpty() || partitions == 1) {
      return new JdbcHome(database, table, query).open(request);
    }
    String source = source(request.entity());
    String column = database.dialect().quote(partitionColumn.get());
    Optional<long[]> bounds = bounds(request.entity(), source, column);
    if (bounds.isEmpty()) {
      return new JdbcHome(database, table, query).open(request);
    }
    List<BatchReader> readers = new ArrayList<>();
    try {
      for (String predicate :
          RangePartitions.predicates(column, bounds.get()[0], bounds.get()[1], partitions)) {
        String part = partitionQuery(source, predicate);
        readers.add(new JdbcHome(database, Optional.empty(), Optional.of(part)).open(request));
      }
    } catch (RuntimeException e) {
      readers.forEach(
          r -> {
            try {
              r.close();
            } catch (RuntimeException closeFailed) {
              e.addSuppressed(closeFailed);
            }
          });
      throw e;
    }
    return new PartitionedBatchReader(request.entity(), readers, request.allocator());
  }

  /** {@code SELECT * FROM source WHERE (predicate)}. */
  static String partitionQuery(String source, String predicate) {
    return "SELECT * FROM " + source + " WHERE (" + predicate + ")";
  }

  /** The quoted table, or the query as a derived table. */
  String source(String entity) {
    return table
        .map(
            t ->
                database
                    .dialect()
                    .quote(
                        TableName.parse(
                            t.replace(
                                JdbcStore.ENTITY_PLACEHOLDER, SqlServerStore.ownName(entity)))))
        .orElseGet(() -> "(" + query.orElseThrow() + ") AS hygge_source");
  }

  /** The key's lowest and highest value; empty when there are no keys. */
  private Optional<long[]> bounds(String entity, String source, String column) {
    String sql = "SELECT MIN(" + column + "), MAX(" + column + ") FROM " + source;
    try (Connection connection = database.connect(entity, ErrorKind.HOME)) {
      return database
          .retry()
          .run(
              "Reading the range of " + column,
              () -> {
                try (Statement statement = connection.createStatement();
                    ResultSet range = statement.executeQuery(sql)) {
                  range.next();
                  Object min = range.getObject(1);
                  Object max = range.getObject(2);
                  if (min == null || max == null) {
                    return Optional.empty();
                  }
                  return Optional.of(new long[] {whole(entity, min), whole(entity, max)});
                }
              });
    } catch (SQLException e) {
      throw HyggeException.home(
          "Cannot read entity "
              + entity
              + " from "
              + database.display()
              + ": cannot find the range of partition_column "
              + partitionColumn.orElseThrow()
              + ": "
              + database.masked(String.valueOf(e.getMessage())),
          e);
    }
  }

  private long whole(String entity, Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0) {
      return decimal.longValueExact();
    }
    throw HyggeException.home(
        "Cannot read entity "
            + entity
            + " from "
            + database.display()
            + ": partition_column "
            + partitionColumn.orElseThrow()
            + " holds "
            + value.getClass().getSimpleName()
            + " values; partitioned reads need an integer column (pick another partition_column"
            + " or set partitions: 1).",
        null);
  }

  @Override
  public String describe() {
    return "sqlserver "
        + database.display()
        + table.map(t -> " table " + t).orElse(" query")
        + partitionColumn
            .filter(c -> partitions > 1)
            .map(c -> " in " + partitions + " partitions by " + c)
            .orElse("");
  }
}
