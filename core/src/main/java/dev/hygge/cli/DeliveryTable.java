package dev.hygge.cli;

import dev.hygge.invoke.Disposition;
import dev.hygge.invoke.events.DeliveryResult;
import dev.hygge.invoke.events.DeliveryResult.DeliveryStatus;
import dev.hygge.invoke.events.EventOutcome;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints the outcome of a replayed event: one line per delivery, each run's summary table (as
 * {@code hygge go} prints it), the tally, then each failure with whether a retry can help.
 */
final class DeliveryTable {
  private DeliveryTable() {}

  static void print(EventOutcome outcome, PrintWriter out) {
    for (DeliveryResult result : outcome.results()) {
      out.printf("delivery %s: %s -> %s%n", result.id(), result.subject(), word(result));
    }
    for (DeliveryResult result : outcome.results()) {
      result
          .report()
          .ifPresent(
              report -> {
                out.printf("%nRun of delivery %s:%n", result.id());
                out.flush();
                SummaryTable.print(report, out);
              });
    }
    long pass = count(outcome, DeliveryStatus.SUCCEEDED);
    long part = count(outcome, DeliveryStatus.INCOMPLETE);
    long ignored = count(outcome, DeliveryStatus.IGNORED);
    long failed = count(outcome, DeliveryStatus.FAILED);
    out.printf(
        "%nDeliveries: PASS=%d PART=%d IGNORED=%d ERROR=%d (retryable %d) TOTAL=%d%n",
        pass, part, ignored, failed, outcome.retryableIds().size(), outcome.results().size());
    for (DeliveryResult result : outcome.results()) {
      result
          .failure()
          .ifPresent(
              f ->
                  out.printf(
                      "%nERROR in delivery %s (%s, %s):%n  %s%n",
                      result.id(),
                      f.kind(),
                      f.disposition() == Disposition.RETRYABLE
                          ? "a retry can help"
                          : "poison: a retry fails the same way",
                      f.message()));
    }
    out.flush();
  }

  private static String word(DeliveryResult result) {
    return switch (result.status()) {
      case SUCCEEDED -> "PASS";
      case INCOMPLETE -> "PART (stopped at the time budget: a continuation takes the rest)";
      case FANNED_OUT -> "FANNED OUT (" + result.reason().orElse("") + ")";
      case IGNORED -> "IGNORED (" + result.reason().orElse("") + ")";
      case FAILED ->
          "ERROR ("
              + result
                  .failure()
                  .map(f -> f.disposition().name().toLowerCase(Locale.ROOT))
                  .orElse("")
              + ")";
    };
  }

  private static long count(EventOutcome outcome, DeliveryStatus status) {
    return outcome.results().stream().filter(r -> r.status() == status).count();
  }
}
