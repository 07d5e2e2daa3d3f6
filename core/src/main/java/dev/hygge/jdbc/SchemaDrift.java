package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * How the data's columns differ from an existing table's: columns only in the data, columns only in
 * the table, and columns whose kind of value differs.
 *
 * @param added the data's columns the table lacks, in data order
 * @param missing the table's columns the data lacks, in table order
 * @param retyped each column of both whose kind differs, described for a message
 * @param matched the table's column for each data column present in both, by data column name
 */
public record SchemaDrift(
    List<DataColumn> added,
    List<TargetColumn> missing,
    List<String> retyped,
    Map<String, TargetColumn> matched) {
  public SchemaDrift {
    added = List.copyOf(requireNonNull(added, "added is null"));
    missing = List.copyOf(requireNonNull(missing, "missing is null"));
    retyped = List.copyOf(requireNonNull(retyped, "retyped is null"));
    matched = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(matched));
  }

  /**
   * A column of the data and the SQL type it is staged as.
   *
   * @param field the Arrow field
   * @param sqlType the mapped SQL type
   */
  public record DataColumn(Field field, String sqlType) {
    public DataColumn {
      requireNonNull(field, "field is null");
      requireNonNull(sqlType, "sqlType is null");
    }

    /** The column's name in the data. */
    public String name() {
      return field.getName();
    }
  }

  /** Compares {@code data} with the existing table's {@code columns}; names match exactly. */
  public static SchemaDrift between(List<DataColumn> data, List<TargetColumn> columns) {
    Map<String, TargetColumn> byName = new LinkedHashMap<>();
    columns.forEach(c -> byName.put(c.name(), c));
    List<DataColumn> added = new ArrayList<>();
    List<String> retyped = new ArrayList<>();
    Map<String, TargetColumn> matched = new LinkedHashMap<>();
    for (DataColumn column : data) {
      TargetColumn existing = byName.remove(column.name());
      if (existing == null) {
        added.add(column);
        continue;
      }
      matched.put(column.name(), existing);
      TypeFamily has = TypeFamily.of(existing.type());
      if (!has.accepts(TypeFamily.of(column.field().getType()))) {
        retyped.add(
            "column '"
                + column.name()
                + "' is "
                + existing.type().typeName()
                + " in the table but "
                + column.field().getType()
                + " in the data (written as "
                + column.sqlType()
                + ")");
      }
    }
    return new SchemaDrift(added, List.copyOf(byName.values()), retyped, matched);
  }

  /** What stops a write under {@code evolution}, one phrase per column; empty when nothing does. */
  public List<String> problems(SchemaEvolution evolution) {
    List<String> problems = new ArrayList<>();
    if (evolution == SchemaEvolution.FAIL) {
      for (DataColumn column : added) {
        problems.add(
            "column '" + column.name() + "' (" + column.sqlType() + ") is new, not in the table");
      }
    }
    for (TargetColumn column : missing) {
      if (evolution == SchemaEvolution.FAIL) {
        problems.add(
            "column '"
                + column.name()
                + "' ("
                + column.type().typeName()
                + ") is in the table but not in the data");
      } else if (!column.nullable()) {
        problems.add(
            "column '"
                + column.name()
                + "' is NOT NULL in the table but not in the data, so it cannot be written as"
                + " NULL");
      }
    }
    problems.addAll(retyped);
    return problems;
  }

  /**
   * Fails unless {@code evolution} allows this drift.
   *
   * @param entity the entity, for the message
   * @param where the database and table, for the message
   * @throws HyggeException of kind STORE naming each column that stops the write and what to change
   */
  public void require(SchemaEvolution evolution, String entity, String where) {
    List<String> problems = problems(evolution);
    if (problems.isEmpty()) {
      return;
    }
    String next =
        evolution == SchemaEvolution.FAIL
            ? "Set schema_evolution: add_columns to add new columns and write missing nullable"
                + " ones as NULL (a retyped column always fails), or change the table."
            : "schema_evolution: add_columns cannot fix these: change the table or the data.";
    throw HyggeException.store(
        "Cannot write entity "
            + entity
            + " into "
            + where
            + ": the data's columns differ from the table's: "
            + String.join("; ", problems)
            + ". "
            + next
            + " Nothing was written.",
        null);
  }
}
