package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.flow.Store;
import dev.hygge.flow.StoreWriter;
import dev.hygge.flow.WriteMode;
import dev.hygge.flow.WriteRequest;
import dev.hygge.jdbc.IfExists;
import dev.hygge.jdbc.JdbcStore;
import dev.hygge.jdbc.SchemaDrift;
import dev.hygge.jdbc.TableName;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A SQL Server table: rows are bulk-loaded by parallel writers into a staging table and published
 * in one transaction by insert, swap or merge.
 */
public final class SqlServerStore implements Store {
  private static final String STAGING_MARK = "__hygge_";

  private final SqlServerDatabase database;
  private final SqlServerStoreOptions options;

  public SqlServerStore(SqlServerDatabase database, SqlServerStoreOptions options) {
    this.database = requireNonNull(database, "database is null");
    this.options = requireNonNull(options, "options is null");
  }

  /**
   * Checks the schema against the options (every column mapped, overrides and keys naming real
   * columns), creates the staging table and starts the bulk loads.
   *
   * @throws HyggeException of kind STORE naming the table and column, before any data moves
   */
  @Override
  public StoreWriter open(WriteRequest request) {
    String entity = request.entity();
    TableName target =
        TableName.parse(options.table().replace(JdbcStore.ENTITY_PLACEHOLDER, ownName(entity)));
    String where = database.display() + " table " + target;
    List<String> columns = new ArrayList<>();
    List<SqlServerType> types = new ArrayList<>();
    List<SchemaDrift.DataColumn> data = new ArrayList<>();
    for (Field field : request.schema().getFields()) {
      SqlServerType type =
          SqlServerTypeMapping.of(field.getType())
              .orElseThrow(() -> unsupported(entity, where, field));
      columns.add(field.getName());
      types.add(type);
      data.add(SchemaCheck.dataColumn(field, type, options.overrides()));
    }
    requireColumns(
        entity, where, "schema_overrides", options.overrides().types().keySet(), columns);
    requireColumns(entity, where, "primary_key", options.primaryKey(), columns);
    String suffix = request.runId().replaceAll("[^A-Za-z0-9_]", "_");
    TableName staging = target.withTable(target.table() + STAGING_MARK + suffix);
    TableSql sql = new TableSql(database.dialect(), target, staging, columns, types);
    IfExists ifExists =
        options
            .ifExists()
            .orElse(request.mode() == WriteMode.REPLACE ? IfExists.REPLACE : IfExists.APPEND);
    SchemaCheck schema =
        new SchemaCheck(entity, where, data, options.evolution(), options.overrides());
    return SqlServerStoreWriter.open(
        new SqlServerStoreWriter.Target(
            entity, where, database, sql, options, ifExists, suffix, schema),
        request.allocator());
  }

  private static void requireColumns(
      String entity,
      String where,
      String setting,
      java.util.Collection<String> named,
      List<String> columns) {
    for (String column : named) {
      if (!columns.contains(column)) {
        throw HyggeException.store(
            "Cannot write entity "
                + entity
                + " into "
                + where
                + ": "
                + setting
                + " names column '"
                + column
                + "', which the data does not have (its columns: "
                + String.join(", ", columns)
                + ").",
            null);
      }
    }
  }

  private HyggeException unsupported(String entity, String where, Field field) {
    String why =
        SqlServerTypeMapping.isWideDecimal(field.getType())
            ? "a decimal wider than the "
                + SqlServerType.MAX_DECIMAL_PRECISION
                + " digits SQL Server holds (cast it to a narrower decimal or to a string in the"
                + " home)"
            : "which SQL Server stores do not support (select or cast the column in the home)";
    return HyggeException.store(
        "Cannot write entity "
            + entity
            + " into "
            + where
            + ": column '"
            + field.getName()
            + "' has Arrow type "
            + field.getType()
            + ", "
            + why
            + ".",
        null);
  }

  /** The entity's own name from its qualified {@code flow.entity} name. */
  static String ownName(String qualified) {
    int dot = qualified.indexOf('.');
    return dot < 0 ? qualified : qualified.substring(dot + 1);
  }

  @Override
  public String describe() {
    return "sqlserver " + database.display() + " table " + options.table();
  }
}
