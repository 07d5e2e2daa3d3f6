package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a writer does at commit, decided when it opens: the statements that publish the staged rows
 * (run in the commit's transaction, in order) and the checks every batch passes before staging.
 *
 * @param statements the SQL run at commit
 * @param checks the value checks of the target's columns
 */
record PublishPlan(List<String> statements, ValueChecks checks) {
  PublishPlan {
    statements = List.copyOf(requireNonNull(statements, "statements is null"));
    requireNonNull(checks, "checks is null");
  }
}
