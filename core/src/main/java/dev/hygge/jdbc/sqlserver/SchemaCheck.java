package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.jdbc.SchemaDrift;
import dev.hygge.jdbc.SchemaEvolution;
import dev.hygge.jdbc.TableName;
import dev.hygge.jdbc.ValueChecks;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Compares the data's columns with a SQL Server target table under {@code schema_evolution} and
 * finds the limits each batch is checked against: an existing table's own column types, and the
 * {@code schema_overrides} types of the columns the store creates.
 */
final class SchemaCheck {
  private static final String CHAR = "CHAR";
  private static final String VARCHAR = "VARCHAR";

  private final String entity;
  private final String where;
  private final List<SchemaDrift.DataColumn> data;
  private final SchemaEvolution evolution;
  private final SchemaOverrides overrides;

  /**
   * @param entity the entity, for messages
   * @param where the database and table, for messages
   * @param data the data's columns, in bulk-copy order
   */
  SchemaCheck(
      String entity,
      String where,
      List<SchemaDrift.DataColumn> data,
      SchemaEvolution evolution,
      SchemaOverrides overrides) {
    this.entity = requireNonNull(entity, "entity is null");
    this.where = requireNonNull(where, "where is null");
    this.data = List.copyOf(requireNonNull(data, "data is null"));
    this.evolution = requireNonNull(evolution, "evolution is null");
    this.overrides = requireNonNull(overrides, "overrides is null");
  }

  /**
   * A column of the data as the comparison sees it, declared as its override or else its mapped
   * type ({@code NVARCHAR} and {@code VARBINARY} without the size the data will give them).
   */
  static SchemaDrift.DataColumn dataColumn(
      Field field, SqlServerType type, SchemaOverrides overrides) {
    String declared =
        overrides
            .type(field.getName())
            .orElse(type.sizing() == SqlServerType.Sizing.FIXED ? type.stagingDdl() : type.name());
    return new SchemaDrift.DataColumn(field, declared);
  }

  /**
   * How the data fits into the existing table of {@code columns}, which publishing keeps.
   *
   * @param defaultCodePage the code page a {@code VARCHAR} column the store adds gets
   * @throws HyggeException of kind STORE when the columns differ beyond {@code schema_evolution}
   */
  TableFit existing(List<SqlServerColumn> columns, int defaultCodePage) {
    Map<String, SqlServerColumn> byName =
        columns.stream()
            .collect(Collectors.toMap(SqlServerColumn::name, Function.identity(), (a, b) -> a));
    SchemaDrift drift =
        SchemaDrift.between(data, columns.stream().map(SqlServerColumn::target).toList());
    drift.require(evolution, entity, where);
    List<ValueChecks.Limited> limited = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      String name = data.get(i).name();
      Optional<SqlServerColumn> column =
          drift.matched().containsKey(name)
              ? Optional.of(byName.get(name))
              : declared(name, defaultCodePage);
      limit(i, column).ifPresent(limited::add);
    }
    List<String> added = drift.added().stream().map(SchemaDrift.DataColumn::name).toList();
    return new TableFit(entity, where, added, new ValueChecks(limited));
  }

  /**
   * How the data fits into a table created for it: its overridden columns have their declared
   * limits, the others are sized from the data.
   *
   * @param defaultCodePage the code page a {@code VARCHAR} column gets
   */
  TableFit created(int defaultCodePage) {
    List<ValueChecks.Limited> limited = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      limit(i, declared(data.get(i).name(), defaultCodePage)).ifPresent(limited::add);
    }
    return new TableFit(entity, where, List.of(), new ValueChecks(limited));
  }

  /**
   * How the data fits the target as the catalog shows it now: an existing table's (unless {@code
   * temp_swap} replaces it with one built for the data), else a created one's.
   *
   * @throws HyggeException of kind STORE when the columns differ beyond {@code schema_evolution},
   *     or the table exists but its columns cannot be seen
   * @throws SQLException when the catalog cannot be read
   */
  TableFit inspect(TableCatalog catalog, TableName target, WriteStrategy strategy)
      throws SQLException {
    int codePage = needsDefaultCodePage() ? catalog.defaultCodePage() : CodePage.NONE;
    if (strategy == WriteStrategy.TEMP_SWAP || !catalog.exists(target)) {
      return created(codePage);
    }
    return existing(visibleColumns(catalog, target), codePage);
  }

  /**
   * The data's columns the existing {@code target} lacks, compared inside the publishing
   * transaction.
   *
   * @throws HyggeException of kind STORE when the columns differ beyond {@code schema_evolution}
   * @throws SQLException when the catalog cannot be read
   */
  List<String> added(TableCatalog catalog, TableName target) throws SQLException {
    return existing(visibleColumns(catalog, target), CodePage.NONE).added();
  }

  private List<SqlServerColumn> visibleColumns(TableCatalog catalog, TableName target)
      throws SQLException {
    List<SqlServerColumn> columns = catalog.columns(target);
    if (columns.isEmpty()) {
      throw HyggeException.store(
          "Cannot write entity "
              + entity
              + " into "
              + where
              + ": the table exists but INFORMATION_SCHEMA.COLUMNS shows none of its columns to"
              + " this login (grant it VIEW DEFINITION or SELECT on the table). Nothing was"
              + " written.",
          null);
    }
    return columns;
  }

  /** Whether an overriding {@code CHAR}/{@code VARCHAR} needs the database's code page. */
  private boolean needsDefaultCodePage() {
    return overrides.types().values().stream()
        .anyMatch(type -> type.startsWith(CHAR) || type.startsWith(VARCHAR));
  }

  private Optional<SqlServerColumn> declared(String name, int codePage) {
    return overrides.type(name).map(type -> SqlServerColumn.declared(name, type, codePage));
  }

  /** The limit of {@code column} on data column {@code index}, unless the data's type holds it. */
  private Optional<ValueChecks.Limited> limit(int index, Optional<SqlServerColumn> column) {
    ArrowType type = data.get(index).field().getType();
    return column.flatMap(
        c ->
            c.limit()
                .filter(limit -> !limit.holdsEvery(type))
                .map(limit -> new ValueChecks.Limited(index, c.target(), limit)));
  }
}
