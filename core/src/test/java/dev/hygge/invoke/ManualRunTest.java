package dev.hygge.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManualRunTest {

  @Test
  void flowAndEntityBecomeAScheduledRunOfThatEntity() {
    assertThat(new ManualRun("sales", "orders").toInvocation())
        .isEqualTo(
            new Invocation.Scheduled(
                "sales", Optional.of("orders"), Invocation.RunOptions.defaults()));
  }

  @Test
  void withoutEntityEveryEntityOfTheFlowRuns() {
    assertThat(new ManualRun("sales", null).toInvocation())
        .isEqualTo(
            new Invocation.Scheduled("sales", Optional.empty(), Invocation.RunOptions.defaults()));
  }

  @Test
  void missingFlowIsAConfigErrorShowingAValidRequest() {
    assertThatThrownBy(() -> new ManualRun(null, "orders").toInvocation())
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "A manual run needs a flow: send {\"flow\": \"sales\", \"entity\": \"orders\"}"
                + " (entity is optional; without it every entity of the flow runs).")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CONFIG);
  }

  @Test
  void missingRequestIsAMissingFlow() {
    assertThatThrownBy(() -> ManualRun.invocationOf(null))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("A manual run needs a flow");
  }

  @Test
  void blankEntityIsAConfigErrorNamingTheFlow() {
    assertThatThrownBy(() -> new ManualRun("sales", " ").toInvocation())
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("The manual run of flow sales names a blank entity")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CONFIG);
  }
}
