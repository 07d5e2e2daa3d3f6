package dev.hygge.invoke;

/** How one entity's run ended. */
public enum EntityStatus {
  /** Moved and committed. */
  SUCCESS,
  /**
   * Failed; the failed commit left the store as it was. Only under a time budget can earlier
   * commits of the same run have committed (its rows count them), and the state records them.
   */
  FAILED,
  /** Not run, because an earlier failure stopped the run ({@code continue_on_error: false}). */
  SKIPPED,
  /**
   * Stopped at the invocation's time budget, with what it committed kept: running the entity again
   * (a continuation) takes the rest.
   */
  INCOMPLETE
}
