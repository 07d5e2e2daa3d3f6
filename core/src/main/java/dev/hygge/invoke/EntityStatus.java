package dev.hygge.invoke;

/** How one entity's run ended. */
public enum EntityStatus {
  /** Moved and committed. */
  SUCCESS,
  /** Failed; the store was left as it was. */
  FAILED,
  /** Not run, because an earlier failure stopped the run ({@code continue_on_error: false}). */
  SKIPPED
}
