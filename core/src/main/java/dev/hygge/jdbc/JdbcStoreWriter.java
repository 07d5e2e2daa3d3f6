package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.CommitResult;
import dev.hygge.flow.DirectCopy;
import dev.hygge.flow.LocalFileSet;
import dev.hygge.flow.ReadsLocalFiles;
import dev.hygge.flow.StoreWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages an entity's rows in a staging table inside one transaction, and publishes them into the
 * target table in that same transaction on {@link #commit()}: a failure rolls everything back, so
 * the target is left exactly as it was and no staging table remains. When the reader names local
 * files that the database reads itself ({@link StagesLocalFiles}), the database stages them
 * directly, through the same staging table, publish plan and transaction.
 */
final class JdbcStoreWriter implements StoreWriter, DirectCopy {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcStoreWriter.class);
  private static final String CONNECTION_EXCEPTION_CLASS = "08";
  private static final String ADMIN_SHUTDOWN = "57P01";

  private final String entity;
  private final String where;
  private final Connection connection;
  private final TableStatements sql;
  private final List<WriteMapping> mappings;
  private final IfExists ifExists;
  private final PublishPlan plan;
  private final RowStager stager;
  private long bytes;
  private long rows;
  private boolean finished;

  /**
   * @param entity the entity, for messages
   * @param where the database and table, for messages
   * @param connection a connection this writer now owns and closes
   * @param planner decides how the rows are published once the target has been looked at
   */
  JdbcStoreWriter(
      String entity,
      String where,
      Connection connection,
      TableStatements sql,
      List<WriteMapping> mappings,
      IfExists ifExists,
      PublishPlanner planner) {
    this.entity = requireNonNull(entity, "entity is null");
    this.where = requireNonNull(where, "where is null");
    this.connection = requireNonNull(connection, "connection is null");
    this.sql = requireNonNull(sql, "sql is null");
    this.mappings = List.copyOf(requireNonNull(mappings, "mappings is null"));
    this.ifExists = requireNonNull(ifExists, "ifExists is null");
    try {
      sql.dialect().prepareWriteTransaction(connection);
      connection.setAutoCommit(false);
      requireSchema();
      boolean exists = sql.dialect().tableExists(connection, sql.target());
      if (exists) {
        failIfTargetHasRows();
      }
      this.plan = planner.plan(connection, exists);
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql.createStaging());
      }
      this.stager = sql.dialect().stager(connection, sql, this.mappings);
    } catch (SQLException | RuntimeException e) {
      abortQuietlyThenClose(e);
      throw failure("cannot prepare staging table " + sql.staging(), e);
    }
  }

  @Override
  public void write(VectorSchemaRoot batch) {
    plan.checks().check(batch, rows, this::rejected);
    try {
      stager.stage(batch);
    } catch (SQLException e) {
      throw failure(
          "cannot stage rows "
              + (rows + 1)
              + " to "
              + (rows + batch.getRowCount())
              + " of the load",
          e);
    }
    rows += batch.getRowCount();
    for (FieldVector vector : batch.getFieldVectors()) {
      bytes += vector.getBufferSize();
    }
  }

  /**
   * Lets the stager load the reader's local files itself. Declines (the flow then moves batches)
   * unless nothing was staged yet, the stager and the reader have the capability, and every value
   * check of the target's columns holds for the data's types without looking at the values: the
   * checks that name an overflowing row need the batches.
   */
  @Override
  public OptionalLong copyFrom(BatchReader reader, Progress progress) {
    if (rows > 0
        || !(stager instanceof StagesLocalFiles files)
        || !(reader instanceof ReadsLocalFiles local)
        || !plan.checks().holdEvery(reader.schema())) {
      return OptionalLong.empty();
    }
    Optional<LocalFileSet> found = local.localFiles();
    if (found.isEmpty()) {
      return OptionalLong.empty();
    }
    OptionalLong staged;
    try {
      staged = files.stage(found.get());
    } catch (SQLException e) {
      throw failure(
          "cannot stage the "
              + found.get().paths().size()
              + " files of the load, e.g. "
              + found.get().paths().get(0),
          e);
    }
    if (staged.isPresent()) {
      rows = staged.getAsLong();
      bytes = found.get().bytes();
      progress.copied(rows, bytes);
    }
    return staged;
  }

  @Override
  public CommitResult commit() {
    try {
      stager.close();
      publish();
      connection.commit();
      finished = true;
      return new CommitResult(1, bytes);
    } catch (SQLException | RuntimeException e) {
      HyggeException failed =
          e instanceof HyggeException h ? h : failure("cannot publish into " + sql.target(), e);
      try {
        abort();
      } catch (RuntimeException abortFailed) {
        failed.addSuppressed(abortFailed);
      }
      throw failed;
    }
  }

  private void publish() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String publishing : plan.statements()) {
        statement.execute(publishing);
      }
    }
  }

  private void requireSchema() throws SQLException {
    java.util.Optional<String> schema = sql.target().schema();
    if (schema.isPresent() && !sql.dialect().schemaExists(connection, schema.get())) {
      throw HyggeException.store(
          "Cannot write entity "
              + entity
              + " into "
              + where
              + ": schema '"
              + schema.get()
              + "' does not exist (create it, or fix the schema in 'table:').",
          null);
    }
  }

  private void failIfTargetHasRows() throws SQLException {
    if (ifExists != IfExists.FAIL) {
      return;
    }
    try (Statement statement = connection.createStatement();
        ResultSet any = statement.executeQuery(sql.anyTargetRow())) {
      if (any.next()) {
        throw HyggeException.store(
            "Cannot write entity "
                + entity
                + ": table "
                + where
                + " already has rows and if_exists is fail (set if_exists: append or"
                + " if_exists: replace, or empty the table).",
            null);
      }
    }
  }

  @Override
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      stager.close();
    } catch (SQLException e) {
      // The rollback below discards whatever the stager held; the failure only matters for logs.
      LOG.warn(
          "Closing the stager of entity {} into {} failed before the rollback", entity, where, e);
    }
    try {
      connection.rollback();
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql.dropStaging());
      }
      connection.commit();
    } catch (SQLException e) {
      throw failure("cannot drop staging table " + sql.staging() + " (drop it by hand)", e);
    }
  }

  @Override
  public long bytesWritten() {
    return bytes;
  }

  @Override
  public void close() {
    try {
      abort();
    } finally {
      try {
        stager.close();
        connection.close();
      } catch (SQLException e) {
        LOG.warn("Closing the connection of entity {} to {} failed", entity, where, e);
      }
    }
  }

  private void abortQuietlyThenClose(Exception cause) {
    try {
      connection.rollback();
      connection.close();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** SQLSTATE class 08 (connection exception) or 57P01 (the server terminated the session). */
  private static boolean connectionLost(Exception cause) {
    String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
    return state != null
        && (state.startsWith(CONNECTION_EXCEPTION_CLASS) || state.equals(ADMIN_SHUTDOWN));
  }

  private HyggeException rejected(String reason) {
    return HyggeException.store(
        "Cannot write entity "
            + entity
            + " into "
            + where
            + ": "
            + reason
            + ". Nothing was published; the table is as it was.",
        null);
  }

  private HyggeException failure(String what, Exception cause) {
    if (cause instanceof HyggeException h) {
      return h;
    }
    return HyggeException.store(
        "Cannot write entity "
            + entity
            + " into "
            + where
            + ": "
            + what
            + ": "
            + (connectionLost(cause) ? "the connection to the database was lost: " : "")
            + cause.getMessage()
            + ". Nothing was published; the table is as it was.",
        cause);
  }
}
