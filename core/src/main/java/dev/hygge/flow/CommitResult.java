package dev.hygge.flow;

/**
 * What a commit published.
 *
 * @param files files (or tables) published
 * @param bytes bytes published
 */
public record CommitResult(int files, long bytes) {
  public CommitResult {
    if (files < 0 || bytes < 0) {
      throw new IllegalArgumentException("files and bytes must not be negative");
    }
  }
}
