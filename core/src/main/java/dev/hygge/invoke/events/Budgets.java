package dev.hygge.invoke.events;

import dev.hygge.flow.TimeBudget;
import dev.hygge.invoke.Invocation;
import java.util.Optional;

/** Puts a function invocation's time budget on the invocations its deliveries ask for. */
final class Budgets {
  private Budgets() {}

  /** The invocation with the budget in its run options, or as it is without one. */
  static Invocation within(Invocation invocation, Optional<TimeBudget> budget) {
    if (budget.isEmpty()) {
      return invocation;
    }
    Invocation.RunOptions options = invocation.options().within(budget.get());
    if (invocation instanceof Invocation.Scheduled scheduled) {
      return new Invocation.Scheduled(scheduled.flow(), scheduled.entity(), options);
    }
    if (invocation instanceof Invocation.ObjectCreated created) {
      return new Invocation.ObjectCreated(created.object(), options);
    }
    Invocation.Manual manual = (Invocation.Manual) invocation;
    return new Invocation.Manual(manual.flows(), manual.entities(), options);
  }
}
