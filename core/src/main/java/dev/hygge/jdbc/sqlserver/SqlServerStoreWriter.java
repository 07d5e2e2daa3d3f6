package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.CommitResult;
import dev.hygge.flow.StoreWriter;
import dev.hygge.jdbc.IfExists;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Bulk-loads an entity's rows into a staging table with parallel writers, then publishes them in
 * one transaction ({@link PublishPlan}) that also drops the staging table. Any failure rolls the
 * transaction back and drops the staging table, so the target is left exactly as it was.
 */
final class SqlServerStoreWriter implements StoreWriter {
  /** Seconds a connection gets to prove it is alive before it publishes or drops staging. */
  private static final int VALID_CHECK_SECONDS = 5;

  /**
   * Where and how one entity is written.
   *
   * @param entity the entity, for messages
   * @param where the database and table, for messages
   * @param suffix makes the run's table names unique
   * @param schema compares the data with the target table and finds the limits of its columns
   */
  record Target(
      String entity,
      String where,
      SqlServerDatabase database,
      TableSql sql,
      SqlServerStoreOptions options,
      IfExists ifExists,
      String suffix,
      SchemaCheck schema) {
    Target {
      requireNonNull(entity, "entity is null");
      requireNonNull(where, "where is null");
      requireNonNull(database, "database is null");
      requireNonNull(sql, "sql is null");
      requireNonNull(options, "options is null");
      requireNonNull(ifExists, "ifExists is null");
      requireNonNull(suffix, "suffix is null");
      requireNonNull(schema, "schema is null");
    }
  }

  private final Target target;
  private final ConnectionPool pool;
  private final ParallelStager stager;
  private final ColumnWidths widths;
  private final RetryPolicy retry;
  private final TableFit fit;
  private Connection publisher;
  private long rows;
  private long bytes;
  private boolean finished;

  private SqlServerStoreWriter(
      Target target, ConnectionPool pool, ParallelStager stager, TableFit fit) {
    this.target = target;
    this.fit = fit;
    this.pool = pool;
    this.stager = stager;
    this.widths = new ColumnWidths(target.sql().columns().size());
    this.retry = target.database().retry();
    this.publisher = pool.get(0);
  }

  /**
   * Opens one connection for publishing and one per parallel writer, checks {@code if_exists:
   * fail}, compares the data's columns with an existing table's ({@code schema_evolution}), creates
   * the staging table and starts the bulk loads.
   *
   * @throws HyggeException of kind STORE when any of that fails; nothing is left behind
   */
  static SqlServerStoreWriter open(Target target, BufferAllocator allocator) {
    int writers = target.options().parallelWriters();
    ConnectionPool pool =
        ConnectionPool.open(target.database(), target.entity(), ErrorKind.STORE, writers + 1);
    TableSql sql = target.sql();
    RetryPolicy retry = target.database().retry();
    TableFit fit;
    try {
      retry.run("Checking " + sql.target(), () -> failIfTargetHasRows(target, pool.get(0)));
      fit =
          retry.run(
              "Describing " + sql.target(),
              () ->
                  target
                      .schema()
                      .inspect(
                          new SqlServerCatalog(pool.get(0), sql.dialect()),
                          sql.target(),
                          target.options().strategy()));
      retry.run(
          "Creating " + sql.staging(),
          () -> execute(pool.get(0), List.of(sql.drop(sql.staging()), sql.createStaging())));
    } catch (SQLException | RuntimeException e) {
      pool.close();
      throw failure(target, "cannot prepare staging table " + sql.staging(), e);
    }
    List<BulkLoader> loaders = new ArrayList<>();
    String staging = sql.dialect().quote(sql.staging());
    for (int i = 1; i <= writers; i++) {
      loaders.add(new BulkCopyLoader(pool.get(i), staging, target.options().batchSize()));
    }
    try {
      ParallelStager stager =
          new ParallelStager(
              sql.columns(), sql.types(), loaders, allocator, "hygge-sqlserver " + target.entity());
      return new SqlServerStoreWriter(target, pool, stager, fit);
    } catch (RuntimeException e) {
      try {
        execute(pool.get(0), List.of(sql.drop(sql.staging())));
      } catch (SQLException dropFailed) {
        e.addSuppressed(dropFailed);
      }
      pool.close();
      throw failure(target, "cannot start the bulk loads", e);
    }
  }

  private static Void failIfTargetHasRows(Target target, Connection connection)
      throws SQLException {
    TableSql sql = target.sql();
    if (target.ifExists() != IfExists.FAIL
        || !sql.dialect().tableExists(connection, sql.target())) {
      return null;
    }
    try (Statement statement = connection.createStatement();
        ResultSet any = statement.executeQuery(sql.anyTargetRow())) {
      if (any.next()) {
        throw HyggeException.store(
            "Cannot write entity "
                + target.entity()
                + " into "
                + target.where()
                + ": the table already has rows and if_exists is fail (set if_exists: append or"
                + " if_exists: replace, or empty the table).",
            null);
      }
    }
    return null;
  }

  /**
   * Checks the batch against the target's column limits, then queues it for the bulk loads.
   *
   * @throws HyggeException of kind STORE naming the row of the load, the column and the value that
   *     does not fit, before the batch is staged
   */
  @Override
  public void write(VectorSchemaRoot batch) {
    fit.check(batch, rows);
    widths.observe(batch);
    try {
      stager.stage(batch);
    } catch (SQLException e) {
      throw failure(
          target,
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

  @Override
  public CommitResult commit() {
    String step = "cannot bulk-load the rows into " + target.sql().staging();
    try {
      stager.finish();
      stager.close();
      step = "cannot publish into " + target.sql().target();
      PublishPlan plan =
          new PublishPlan(
              target.sql(),
              target.options().strategy(),
              target.ifExists(),
              target.options().primaryKey(),
              tableDdl(),
              target.suffix());
      int[] attempt = {0};
      retry.run("Publishing into " + target.sql().target(), () -> publish(plan, ++attempt[0]));
      finished = true;
      pool.close();
      closePublisherIfReplaced();
      return new CommitResult(1, bytes);
    } catch (SQLException | RuntimeException e) {
      HyggeException failed = failure(target, step, e);
      try {
        abort();
      } catch (RuntimeException abortFailed) {
        failed.addSuppressed(abortFailed);
      }
      throw failed;
    }
  }

  /** Column types of a created table: the override, else the mapped type sized from the data. */
  private List<String> tableDdl() {
    TableSql sql = target.sql();
    List<String> ddl = new ArrayList<>();
    for (int i = 0; i < sql.columns().size(); i++) {
      long longest = widths.longest(i);
      SqlServerType type = sql.types().get(i);
      ddl.add(target.options().overrides().type(sql.columns().get(i)).orElse(type.ddl(longest)));
    }
    return ddl;
  }

  private Void publish(PublishPlan plan, int attempt) throws SQLException {
    // The publishing connection sat idle through the load; a lost one is replaced.
    Connection connection = livePublisher();
    TableSql sql = target.sql();
    connection.setAutoCommit(false);
    try {
      if (attempt > 1 && !sql.dialect().tableExists(connection, sql.staging())) {
        // The publish drops staging in its own transaction: an earlier attempt committed, and
        // only its acknowledgement was lost.
        connection.rollback();
        return null;
      }
      boolean exists = sql.dialect().tableExists(connection, sql.target());
      // Compared again inside the transaction: the table may have changed during the load.
      List<String> added =
          exists && plan.strategy() != WriteStrategy.TEMP_SWAP
              ? target.schema().added(new SqlServerCatalog(connection, sql.dialect()), sql.target())
              : List.of();
      execute(connection, plan.statements(exists, added));
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException rollbackFailed) {
        e.addSuppressed(rollbackFailed);
      }
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
    return null;
  }

  /** The publishing connection, replaced by a new one if it was lost. */
  private Connection livePublisher() throws SQLException {
    if (!publisher.isValid(VALID_CHECK_SECONDS)) {
      Connection stale = publisher;
      publisher = target.database().connect(target.entity(), ErrorKind.STORE);
      if (stale != pool.get(0)) {
        stale.close();
      }
    }
    return publisher;
  }

  private static Void execute(Connection connection, List<String> statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
    return null;
  }

  @Override
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    stager.close();
    TableSql sql = target.sql();
    try {
      retry.run(
          "Dropping " + sql.staging(),
          () -> execute(livePublisher(), List.of(sql.drop(sql.staging()))));
    } catch (SQLException | RuntimeException e) {
      throw failure(target, "cannot drop staging table " + sql.staging() + " (drop it by hand)", e);
    } finally {
      pool.close();
      closePublisherIfReplaced();
    }
  }

  private void closePublisherIfReplaced() {
    if (publisher != pool.get(0)) {
      try {
        publisher.close();
      } catch (SQLException e) {
        org.slf4j.LoggerFactory.getLogger(SqlServerStoreWriter.class)
            .warn("Closing a SQL Server connection of entity {} failed", target.entity(), e);
      }
    }
  }

  @Override
  public long bytesWritten() {
    return bytes;
  }

  @Override
  public void close() {
    abort();
  }

  private static HyggeException failure(Target target, String what, Exception cause) {
    if (cause instanceof HyggeException h) {
      return h;
    }
    return HyggeException.store(
        "Cannot write entity "
            + target.entity()
            + " into "
            + target.where()
            + ": "
            + what
            + ": "
            + target.database().masked(String.valueOf(cause.getMessage()))
            + ". Nothing was published; the table is as it was.",
        cause);
  }
}
