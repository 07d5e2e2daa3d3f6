package dev.hygge.functions.aws;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.hygge.invoke.events.EventOutcomeView;
import java.util.List;

/** What the function answers Lambda, written as JSON. */
public sealed interface LambdaResponse
    permits LambdaResponse.BatchItemFailures, LambdaResponse.Outcome {

  /**
   * The answer to an SQS batch (partial batch failure, {@code ReportBatchItemFailures}): the
   * messages SQS delivers again; the others are deleted from the queue.
   *
   * @param batchItemFailures one item per message to deliver again
   */
  record BatchItemFailures(List<Item> batchItemFailures) implements LambdaResponse {
    public BatchItemFailures {
      batchItemFailures =
          List.copyOf(requireNonNull(batchItemFailures, "batchItemFailures is null"));
    }

    /**
     * One message to deliver again.
     *
     * @param itemIdentifier the SQS message id
     */
    public record Item(String itemIdentifier) {
      public Item {
        requireNonNull(itemIdentifier, "itemIdentifier is null");
      }
    }
  }

  /**
   * The answer to any other payload: what each delivery did.
   *
   * @param view the outcome, written as it is
   */
  record Outcome(@JsonValue EventOutcomeView view) implements LambdaResponse {
    public Outcome {
      requireNonNull(view, "view is null");
    }
  }
}
