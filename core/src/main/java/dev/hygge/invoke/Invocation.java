package dev.hygge.invoke;

import static java.util.Objects.requireNonNull;

import dev.hygge.config.RunType;
import dev.hygge.flow.TimeBudget;
import dev.hygge.storage.CreatedObject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a run happens: the one input of {@link FlowInvoker#invoke}. The CLI and every cloud adapter
 * translate what they receive into one of these.
 */
public sealed interface Invocation
    permits Invocation.Manual, Invocation.Scheduled, Invocation.ObjectCreated {

  /** Options a caller may set on any run. */
  RunOptions options();

  /**
   * A person asked for a run ({@code hygge go}).
   *
   * @param flows flow names to run; empty means every flow (unless entities are named)
   * @param entities {@code flow.entity} names to run; empty means every entity of the flows
   */
  record Manual(List<String> flows, List<String> entities, RunOptions options)
      implements Invocation {
    public Manual {
      flows = List.copyOf(requireNonNull(flows, "flows is null"));
      entities = List.copyOf(requireNonNull(entities, "entities is null"));
      requireNonNull(options, "options is null");
    }

    /** Every entity of every flow, with default options. */
    public static Manual all() {
      return new Manual(List.of(), List.of(), RunOptions.defaults());
    }
  }

  /**
   * A schedule fired for a flow, or for one entity of it.
   *
   * @param flow the flow's name
   * @param entity the entity's name, or empty for every entity of the flow
   */
  record Scheduled(String flow, Optional<String> entity, RunOptions options) implements Invocation {
    public Scheduled {
      requireNonNull(flow, "flow is null");
      requireNonNull(entity, "entity is null");
      requireNonNull(options, "options is null");
    }
  }

  /**
   * A cloud event says an object was created: the entities whose file home reads that object run,
   * and an incremental entity loads just that object. The processed-object journal makes a repeated
   * event for the same object version a no-op, so at-least-once delivery loads each object once.
   *
   * @param object the object the event names
   */
  record ObjectCreated(CreatedObject object, RunOptions options) implements Invocation {
    public ObjectCreated {
      requireNonNull(object, "object is null");
      requireNonNull(options, "options is null");
    }
  }

  /**
   * Per-run overrides.
   *
   * @param runType overrides every selected entity's run type ({@code --incremental}, {@code
   *     --full-drop})
   * @param concurrency overrides the project's concurrency ({@code --concurrency})
   * @param budget how long the invocation may run; empty for no limit
   */
  record RunOptions(
      Optional<RunType> runType, OptionalInt concurrency, Optional<TimeBudget> budget) {
    public RunOptions {
      requireNonNull(runType, "runType is null");
      requireNonNull(concurrency, "concurrency is null");
      requireNonNull(budget, "budget is null");
      if (concurrency.isPresent() && concurrency.getAsInt() <= 0) {
        throw new IllegalArgumentException("concurrency must be positive");
      }
    }

    /** Overrides without a time budget. */
    public RunOptions(Optional<RunType> runType, OptionalInt concurrency) {
      this(runType, concurrency, Optional.empty());
    }

    public static RunOptions defaults() {
      return new RunOptions(Optional.empty(), OptionalInt.empty());
    }

    /** These options with a time budget (a cloud function's remaining time). */
    public RunOptions within(TimeBudget budget) {
      return new RunOptions(runType, concurrency, Optional.of(budget));
    }
  }
}
