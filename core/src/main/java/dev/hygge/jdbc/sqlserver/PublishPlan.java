package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import dev.hygge.jdbc.IfExists;
import dev.hygge.jdbc.TableName;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that publish the staged rows, all run in the commit transaction so a failure
 * leaves the target as it was, and the last of which drops the staging table.
 *
 * @param sql the table's statements
 * @param strategy how rows reach an existing table
 * @param ifExists what replacing or appending means for {@code direct_insert}
 * @param primaryKey the merge key ({@code merge} only)
 * @param tableDdl the column types of a table created for the data, sized from it
 * @param runSuffix makes the names of the swap tables unique to the run
 */
public record PublishPlan(
    TableSql sql,
    WriteStrategy strategy,
    IfExists ifExists,
    List<String> primaryKey,
    List<String> tableDdl,
    String runSuffix) {
  private static final String NEW_MARK = "__hygge_new_";
  private static final String OLD_MARK = "__hygge_old_";

  public PublishPlan {
    requireNonNull(sql, "sql is null");
    requireNonNull(strategy, "strategy is null");
    requireNonNull(ifExists, "ifExists is null");
    primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
    tableDdl = List.copyOf(requireNonNull(tableDdl, "tableDdl is null"));
    requireNonNull(runSuffix, "runSuffix is null");
    if (strategy == WriteStrategy.MERGE && primaryKey.isEmpty()) {
      throw new IllegalArgumentException("merge needs a primary key");
    }
  }

  /** The statements to run, in order, given whether the target exists; no columns are added. */
  public List<String> statements(boolean targetExists) {
    return statements(targetExists, List.of());
  }

  /**
   * The statements to run, in order, given whether the target exists and which of the data's
   * columns an existing target lacks ({@code schema_evolution: add_columns}): those are added
   * first, accepting NULL, with the type a created table would give them.
   *
   * @throws IllegalArgumentException when columns are to be added to a table that is created or
   *     swapped out, or one is not a column of the data
   */
  public List<String> statements(boolean targetExists, List<String> added) {
    TableName target = sql.target();
    List<String> statements = new ArrayList<>();
    if (!added.isEmpty() && (!targetExists || strategy == WriteStrategy.TEMP_SWAP)) {
      throw new IllegalArgumentException(
          "columns are added only to an existing table that is kept: " + added);
    }
    for (String column : added) {
      int index = sql.columns().indexOf(column);
      if (index < 0) {
        throw new IllegalArgumentException("not a column of the data: " + column);
      }
      statements.add(sql.addColumn(column, tableDdl.get(index)));
    }
    if (!targetExists) {
      statements.add(sql.createTable(target, tableDdl));
      statements.add(sql.insertFromStaging(target));
    } else if (strategy == WriteStrategy.TEMP_SWAP) {
      TableName fresh = target.withTable(target.table() + NEW_MARK + runSuffix);
      TableName old = target.withTable(target.table() + OLD_MARK + runSuffix);
      statements.add(sql.createTable(fresh, tableDdl));
      statements.add(sql.insertFromStaging(fresh));
      statements.add(sql.rename(target, old.table()));
      statements.add(sql.rename(fresh, target.table()));
      statements.add(sql.drop(old));
    } else if (strategy == WriteStrategy.MERGE) {
      statements.add(sql.merge(primaryKey));
    } else {
      if (ifExists == IfExists.REPLACE) {
        statements.add(sql.truncateTarget());
      }
      statements.add(sql.insertFromStaging(target));
    }
    statements.add(sql.drop(sql.staging()));
    return statements;
  }
}
