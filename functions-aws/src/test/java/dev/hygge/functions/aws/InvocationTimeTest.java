package dev.hygge.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The time a run may use from what Lambda's context says remains. */
class InvocationTimeTest {
  private final InvocationTime time =
      new InvocationTime(Duration.ofSeconds(30), Duration.ofSeconds(900));

  @Test
  void remainingTimeLessTheMargin() {
    assertThat(time.usable(Duration.ofMinutes(5).toMillis())).isEqualTo(Duration.ofSeconds(270));
  }

  @Test
  void lessRemainingThanTheMarginLeavesNothing() {
    assertThat(time.usable(Duration.ofSeconds(10).toMillis())).isEqualTo(Duration.ZERO);
  }

  @Test
  void noDeadlineFromTheRuntimeMeansTheMaximumTimeout() {
    assertThat(time.usable(0)).isEqualTo(Duration.ofSeconds(870));
    assertThat(time.usable(-1_764_000_000_000L)).isEqualTo(Duration.ofSeconds(870));
    assertThat(time.usable(Duration.ofHours(2).toMillis())).isEqualTo(Duration.ofSeconds(870));
  }

  @Test
  void negativeMarginIsRefused() {
    assertThatThrownBy(() -> new InvocationTime(Duration.ofSeconds(-1), Duration.ofSeconds(900)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hygge.function.margin must not be negative: PT-1S");
  }
}
