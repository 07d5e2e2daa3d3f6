package dev.hygge.jdbc;

import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * What differs between databases: quoting, type mappings and the driver. One small class per
 * database, usually extending {@link StandardDialect}.
 */
public interface Dialect {

  /** The database's name for messages, e.g. {@code DuckDB}. */
  String name();

  /** The JDBC driver class, checked before connecting. */
  String driverClass();

  /** The Maven coordinates of the driver, named when it is missing. */
  String driverArtifact();

  /** {@code identifier} quoted so spaces, quotes, case and reserved words survive. */
  String quote(String identifier);

  /** The table name quoted, with its schema when it has one. */
  default String quote(TableName name) {
    return name.schema().map(s -> quote(s) + "." + quote(name.table())).orElse(quote(name.table()));
  }

  /**
   * Whether {@code table} exists (in the default schema when it names none).
   *
   * @throws java.sql.SQLException when the catalog cannot be read
   */
  boolean tableExists(java.sql.Connection connection, TableName table) throws java.sql.SQLException;

  /**
   * Opens the stager that puts rows into {@code sql}'s staging table, which already exists.
   *
   * @param mappings the write mapping of each column, in order
   * @throws java.sql.SQLException when staging cannot start
   */
  RowStager stager(
      java.sql.Connection connection, TableStatements sql, java.util.List<WriteMapping> mappings)
      throws java.sql.SQLException;

  /**
   * Runs {@code query} (its {@code ?} bound to {@code parameters}) and opens the reader of its
   * result, which owns {@code connection} and closes it. The standard reader fetches the rows
   * through JDBC, one consumer per column.
   *
   * @param where the database and table or query, for messages
   * @throws dev.hygge.HyggeException of kind HOME when the query fails or a column type is
   *     unsupported
   */
  default dev.hygge.flow.BatchReader reader(
      String entity,
      String where,
      java.sql.Connection connection,
      String query,
      java.util.List<Object> parameters,
      int batchSize,
      org.apache.arrow.memory.BufferAllocator allocator) {
    return new JdbcBatchReader(
        entity, where, connection, this, query, parameters, batchSize, allocator);
  }

  /**
   * The parameter bound for a watermark bound in a read's predicate: {@link
   * dev.hygge.state.Watermark#sqlValue()}, unless this database keeps the column's kind in another
   * form (SQLite keeps timestamps as text).
   */
  default Object watermarkParameter(dev.hygge.state.Watermark bound) {
    return bound.sqlValue();
  }

  /** How a column of {@code field}'s Arrow type is written; empty when the type is unsupported. */
  Optional<WriteMapping> writeMapping(Field field);

  /** How a result-set column of {@code type} is read; empty when the type is unsupported. */
  Optional<ReadMapping> readMapping(ColumnType type);

  /**
   * Whether {@code schema} exists.
   *
   * @throws java.sql.SQLException when the catalog cannot be read
   */
  boolean schemaExists(java.sql.Connection connection, String schema) throws java.sql.SQLException;

  /**
   * The columns of the existing {@code table}, in table order.
   *
   * @throws java.sql.SQLException when the table cannot be described
   */
  java.util.List<TargetColumn> columns(java.sql.Connection connection, TableName table)
      throws java.sql.SQLException;

  /**
   * The column sets of {@code table}'s primary key and unique constraints (or unique indexes) that
   * an upsert can be keyed by.
   *
   * @throws java.sql.SQLException when the catalog cannot be read
   */
  java.util.List<java.util.Set<String>> uniqueKeys(java.sql.Connection connection, TableName table)
      throws java.sql.SQLException;

  /**
   * The statement that upserts {@code columns} of the staged rows into the target keyed by {@code
   * key}: matching rows are updated, the others added.
   */
  String upsert(TableStatements sql, java.util.List<String> columns, java.util.List<String> key);

  /** What values an existing column holds beyond its kind; empty when the kind says it all. */
  Optional<ValueLimit> valueLimit(TargetColumn column);

  /**
   * Readies a store's connection before its write transaction begins (autocommit still on), e.g. so
   * the transaction takes its write lock up front.
   *
   * @throws java.sql.SQLException when the connection refuses
   */
  void prepareWriteTransaction(java.sql.Connection connection) throws java.sql.SQLException;
}
