package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.Store;
import dev.hygge.flow.StoreWriter;
import dev.hygge.flow.WriteRequest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;

/** A database table store: each commit publishes the staged rows in one transaction. */
public final class JdbcStore implements Store {
  /** Stands for the entity's name in {@code table}. */
  public static final String ENTITY_PLACEHOLDER = "{entity}";

  private static final String STAGING_MARK = "__hygge_";

  private final Database database;
  private final String table;
  private final WritePolicy policy;

  /**
   * @param database the database file or server
   * @param table the table, {@code schema.table} allowed, {@code {entity}} replaced at open
   * @param ifExists what to do when the table exists; when empty the run type decides ({@code
   *     incremental} appends, {@code full_drop} replaces)
   */
  public JdbcStore(Database database, String table, Optional<IfExists> ifExists) {
    this(database, table, WritePolicy.of(ifExists));
  }

  /**
   * @param database the database file or server
   * @param table the table, {@code schema.table} allowed, {@code {entity}} replaced at open
   * @param policy how the rows are written and published
   */
  public JdbcStore(Database database, String table, WritePolicy policy) {
    this.database = requireNonNull(database, "database is null");
    this.table = requireNonNull(table, "table is null");
    this.policy = requireNonNull(policy, "policy is null");
  }

  @Override
  public StoreWriter open(WriteRequest request) {
    TableName target = TableName.parse(table.replace(ENTITY_PLACEHOLDER, entityName(request)));
    String where = database.display() + " table " + target;
    List<String> columns = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<WriteMapping> mappings = new ArrayList<>();
    List<SchemaDrift.DataColumn> data = new ArrayList<>();
    for (Field field : request.schema().getFields()) {
      WriteMapping mapping =
          database
              .dialect()
              .writeMapping(field)
              .orElseThrow(() -> unsupported(request, target, field));
      columns.add(field.getName());
      types.add(mapping.sqlType());
      mappings.add(mapping);
      data.add(new SchemaDrift.DataColumn(field, mapping.sqlType()));
    }
    requireKeyColumns(request, target, columns);
    TableName staging =
        target.withTable(target.table() + STAGING_MARK + stagingSuffix(request.runId()));
    TableStatements sql = new TableStatements(database.dialect(), target, staging, columns, types);
    IfExists ifExists = policy.effectiveIfExists(request.mode());
    PublishPlanner planner =
        new PublishPlanner(
            request.entity(),
            where,
            sql,
            data,
            policy.effectiveStrategy(request.mode()),
            ifExists,
            policy);
    Connection connection = database.connect(request.entity(), ErrorKind.STORE);
    return new JdbcStoreWriter(
        request.entity(), where, connection, sql, mappings, ifExists, planner);
  }

  private void requireKeyColumns(WriteRequest request, TableName target, List<String> columns) {
    List<String> absent =
        policy.primaryKey().stream().filter(key -> !columns.contains(key)).toList();
    if (!absent.isEmpty()) {
      throw HyggeException.config(
          "Cannot merge entity "
              + request.entity()
              + " into "
              + database.display()
              + " table "
              + target
              + ": primary_key column(s) "
              + String.join(", ", absent)
              + " not in the data, whose columns are "
              + String.join(", ", columns)
              + " (fix primary_key, or select the key in the home).");
    }
  }

  private HyggeException unsupported(WriteRequest request, TableName target, Field field) {
    return HyggeException.store(
        "Cannot write entity "
            + request.entity()
            + " into "
            + database.display()
            + " table "
            + target
            + ": column '"
            + field.getName()
            + "' has Arrow type "
            + field.getType()
            + ", which "
            + database.dialect().name()
            + " stores do not support (select or cast the column in the home).",
        null);
  }

  /** The entity's own name: the qualified {@code flow.entity} without its flow. */
  static String entityName(WriteRequest request) {
    return entityName(request.entity());
  }

  /** The entity's own name from its qualified {@code flow.entity} name. */
  public static String entityName(String qualified) {
    int dot = qualified.indexOf('.');
    return dot < 0 ? qualified : qualified.substring(dot + 1);
  }

  private static String stagingSuffix(String runId) {
    return runId.replaceAll("[^A-Za-z0-9_]", "_");
  }

  @Override
  public String describe() {
    return database.dialect().name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + database.display()
        + " table "
        + table
        + policy
            .strategy()
            .map(
                s ->
                    " ("
                        + s.name().toLowerCase(java.util.Locale.ROOT)
                        + (policy.primaryKey().isEmpty()
                            ? ""
                            : " on " + String.join(", ", policy.primaryKey()))
                        + ")")
            .orElse("");
  }
}
