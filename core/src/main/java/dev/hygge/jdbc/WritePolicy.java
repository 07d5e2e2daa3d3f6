package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import dev.hygge.flow.WriteMode;
import java.util.List;
import java.util.Optional;

/**
 * How a database store writes: what happens to an existing table, how the staged rows are
 * published, the merge key and the schema-drift policy.
 *
 * @param ifExists what to do when the table exists; when empty the run type decides
 * @param strategy how rows are published; when empty, {@code temp_swap} when replacing and {@code
 *     direct_insert} otherwise
 * @param primaryKey the merge key columns, given exactly when the strategy is {@code merge}
 * @param evolution what to do when the data's columns differ from the existing table's
 */
public record WritePolicy(
    Optional<IfExists> ifExists,
    Optional<WriteStrategy> strategy,
    List<String> primaryKey,
    SchemaEvolution evolution) {
  /** The policy of a store with only {@code if_exists}: no merge key, drift fails. */
  public static WritePolicy of(Optional<IfExists> ifExists) {
    return new WritePolicy(ifExists, Optional.empty(), List.of(), SchemaEvolution.FAIL);
  }

  /**
   * @throws IllegalArgumentException when the strategy and the other settings contradict each other
   */
  public WritePolicy {
    requireNonNull(ifExists, "ifExists is null");
    requireNonNull(strategy, "strategy is null");
    primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
    requireNonNull(evolution, "evolution is null");
    conflict(strategy, ifExists, primaryKey)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
  }

  /** Why these settings cannot go together, in the words of the settings; empty when they can. */
  public static Optional<String> conflict(
      Optional<WriteStrategy> strategy, Optional<IfExists> ifExists, List<String> primaryKey) {
    boolean merge = strategy.filter(s -> s == WriteStrategy.MERGE).isPresent();
    if (merge && primaryKey.isEmpty()) {
      return Optional.of(
          "write_strategy: merge needs primary_key, the list of columns that identify a row");
    }
    if (!merge && !primaryKey.isEmpty()) {
      return Optional.of("primary_key is only used by write_strategy: merge; set both or neither");
    }
    if (merge && ifExists.filter(i -> i == IfExists.REPLACE).isPresent()) {
      return Optional.of(
          "write_strategy: merge updates the table; it cannot go with if_exists:" + " replace");
    }
    boolean swap = strategy.filter(s -> s == WriteStrategy.TEMP_SWAP).isPresent();
    if (swap && ifExists.filter(i -> i == IfExists.APPEND).isPresent()) {
      return Optional.of(
          "write_strategy: temp_swap replaces the table; it cannot go with"
              + " if_exists: append (use direct_insert or merge to add rows)");
    }
    return Optional.empty();
  }

  /** What happens to an existing table under run mode {@code mode}. */
  public IfExists effectiveIfExists(WriteMode mode) {
    if (strategy.filter(s -> s == WriteStrategy.TEMP_SWAP).isPresent()) {
      return ifExists.orElse(IfExists.REPLACE);
    }
    if (strategy.filter(s -> s == WriteStrategy.MERGE).isPresent()) {
      return ifExists.orElse(IfExists.APPEND);
    }
    return ifExists.orElse(mode == WriteMode.REPLACE ? IfExists.REPLACE : IfExists.APPEND);
  }

  /** How rows are published under run mode {@code mode}. */
  public WriteStrategy effectiveStrategy(WriteMode mode) {
    return strategy.orElse(
        effectiveIfExists(mode) == IfExists.REPLACE
            ? WriteStrategy.TEMP_SWAP
            : WriteStrategy.DIRECT_INSERT);
  }
}
