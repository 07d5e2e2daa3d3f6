package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides how a writer publishes: creates a missing table, swaps, inserts into or merges into an
 * existing one, after comparing the data's columns with the table's.
 */
final class PublishPlanner {
  private final String entity;
  private final String where;
  private final TableStatements sql;
  private final List<SchemaDrift.DataColumn> data;
  private final WriteStrategy strategy;
  private final IfExists ifExists;
  private final WritePolicy policy;

  /**
   * @param entity the entity, for messages
   * @param where the database and table, for messages
   * @param data the data's columns, in staging order
   * @param strategy the effective strategy
   * @param ifExists the effective handling of an existing table
   */
  PublishPlanner(
      String entity,
      String where,
      TableStatements sql,
      List<SchemaDrift.DataColumn> data,
      WriteStrategy strategy,
      IfExists ifExists,
      WritePolicy policy) {
    this.entity = requireNonNull(entity, "entity is null");
    this.where = requireNonNull(where, "where is null");
    this.sql = requireNonNull(sql, "sql is null");
    this.data = List.copyOf(requireNonNull(data, "data is null"));
    this.strategy = requireNonNull(strategy, "strategy is null");
    this.ifExists = requireNonNull(ifExists, "ifExists is null");
    this.policy = requireNonNull(policy, "policy is null");
  }

  /**
   * The plan for a target that exists or not, read inside the writer's transaction.
   *
   * @throws HyggeException of kind STORE when the columns drift beyond the policy, of kind CONFIG
   *     when a merge key matches no unique key of the table
   * @throws SQLException when the table cannot be described
   */
  PublishPlan plan(Connection connection, boolean exists) throws SQLException {
    List<String> columns = data.stream().map(SchemaDrift.DataColumn::name).toList();
    if (!exists && strategy == WriteStrategy.MERGE) {
      return new PublishPlan(
          List.of(
              sql.createTargetWithKey(policy.primaryKey()),
              sql.insertFromStaging(columns),
              sql.dropStaging()),
          ValueChecks.NONE);
    }
    if (!exists) {
      return new PublishPlan(List.of(sql.renameStagingToTarget()), ValueChecks.NONE);
    }
    if (strategy == WriteStrategy.TEMP_SWAP) {
      return new PublishPlan(
          List.of(sql.renameTargetOut(), sql.renameStagingToTarget(), sql.dropSwappedOut()),
          ValueChecks.NONE);
    }
    Dialect dialect = sql.dialect();
    SchemaDrift drift = SchemaDrift.between(data, dialect.columns(connection, sql.target()));
    drift.require(policy.evolution(), entity, where);
    if (strategy == WriteStrategy.MERGE) {
      requireUniqueKey(dialect.uniqueKeys(connection, sql.target()));
    }
    List<String> statements = new ArrayList<>();
    if (ifExists == IfExists.REPLACE) {
      statements.add(sql.deleteTargetRows());
    }
    for (SchemaDrift.DataColumn added : drift.added()) {
      statements.add(sql.addTargetColumn(added.name(), added.sqlType()));
    }
    statements.add(
        strategy == WriteStrategy.MERGE
            ? dialect.upsert(sql, columns, policy.primaryKey())
            : sql.insertFromStaging(columns));
    statements.add(sql.dropStaging());
    return new PublishPlan(statements, checks(dialect, drift));
  }

  private ValueChecks checks(Dialect dialect, SchemaDrift drift) {
    List<ValueChecks.Limited> limited = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      TargetColumn target = drift.matched().get(data.get(i).name());
      if (target != null) {
        int index = i;
        dialect
            .valueLimit(target)
            .ifPresent(limit -> limited.add(new ValueChecks.Limited(index, target, limit)));
      }
    }
    return new ValueChecks(limited);
  }

  private void requireUniqueKey(List<Set<String>> keys) {
    Set<String> key = new HashSet<>(policy.primaryKey());
    if (keys.stream().anyMatch(key::equals)) {
      return;
    }
    String has =
        keys.isEmpty()
            ? "it has none"
            : "its keys are "
                + keys.stream()
                    .map(k -> "(" + String.join(", ", k) + ")")
                    .collect(Collectors.joining(", "));
    throw HyggeException.config(
        "Cannot merge entity "
            + entity
            + " into "
            + where
            + ": primary_key ("
            + String.join(", ", policy.primaryKey())
            + ") matches no primary key or unique constraint of the table ("
            + has
            + "). Add a primary key or unique constraint on exactly these columns, or fix"
            + " primary_key.");
  }
}
