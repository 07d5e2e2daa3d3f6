package dev.hygge.cli;

import dev.hygge.storage.AccessCheck;
import java.io.PrintWriter;
import java.util.List;

/** Prints the outcome of {@code hygge debug --credentials}, one line per credential and place. */
final class CredentialTable {
  private final PrintWriter out;

  CredentialTable(PrintWriter out) {
    this.out = out;
  }

  /**
   * Prints the checks.
   *
   * @return whether every check passed
   */
  boolean print(List<AccessCheck> checks) {
    out.printf("%nCredentials (one read-only request each):%n");
    if (checks.isEmpty()) {
      out.println("  no home or store reads object storage, and no credential is defined.");
      return true;
    }
    boolean ok = true;
    for (AccessCheck check : checks) {
      out.printf(
          "  %s  %-10s %s  %s%n",
          check.ok() ? "ok    " : "FAILED", check.credential(), check.method(), check.target());
      if (!check.usedBy().isEmpty()) {
        out.printf("           used by %s%n", String.join(", ", check.usedBy()));
      }
      for (String line : check.detail().split("\n")) {
        out.printf("           %s%n", line);
      }
      ok &= check.ok();
    }
    return ok;
  }
}
