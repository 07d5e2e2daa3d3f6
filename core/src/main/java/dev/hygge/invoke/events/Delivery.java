package dev.hygge.invoke.events;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.invoke.Invocation;

/**
 * One unit of work an event payload carries, with the id the cloud acknowledges it by (an SQS
 * message id, a CloudEvent or Event Grid id, ...). Several units may share an id when one message
 * carries several records; the message succeeds only when all of them do.
 */
public sealed interface Delivery permits Delivery.Run, Delivery.Ignored, Delivery.Malformed {

  /** The id the cloud knows the delivery by. */
  String id();

  /** What the delivery is, e.g. {@code s3://landing/orders/1.csv} or {@code run of flow sales}. */
  String subject();

  /**
   * A delivery that asks for a run.
   *
   * @param invocation the run it asks for
   */
  record Run(String id, String subject, Invocation invocation) implements Delivery {
    public Run {
      requireNonNull(id, "id is null");
      requireNonNull(subject, "subject is null");
      requireNonNull(invocation, "invocation is null");
    }
  }

  /**
   * A delivery that asks for nothing hygge does (a deleted blob, a test event), skipped on purpose.
   *
   * @param reason why nothing runs
   */
  record Ignored(String id, String subject, String reason) implements Delivery {
    public Ignored {
      requireNonNull(id, "id is null");
      requireNonNull(subject, "subject is null");
      requireNonNull(reason, "reason is null");
    }
  }

  /**
   * A delivery whose content could not be understood; a retry fails the same way.
   *
   * @param error the CONFIG error naming the field and what was expected
   */
  record Malformed(String id, String subject, HyggeException error) implements Delivery {
    public Malformed {
      requireNonNull(id, "id is null");
      requireNonNull(subject, "subject is null");
      requireNonNull(error, "error is null");
    }
  }
}
