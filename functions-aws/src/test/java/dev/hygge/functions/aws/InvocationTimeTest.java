package dev.hygge.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The remaining time of an invocation from what Lambda's context says. */
class InvocationTimeTest {
  private final InvocationTime time = new InvocationTime(Duration.ofSeconds(900));

  @Test
  void remainingTimeAsReported() {
    assertThat(time.remaining(Duration.ofMinutes(5).toMillis())).isEqualTo(Duration.ofMinutes(5));
    assertThat(time.remaining(1)).isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void noDeadlineFromTheRuntimeMeansTheMaximumTimeout() {
    assertThat(time.remaining(0)).isEqualTo(Duration.ofSeconds(900));
    assertThat(time.remaining(-1_764_000_000_000L)).isEqualTo(Duration.ofSeconds(900));
    assertThat(time.remaining(Duration.ofHours(2).toMillis())).isEqualTo(Duration.ofSeconds(900));
  }

  @Test
  void zeroMaximumIsRefused() {
    assertThatThrownBy(() -> new InvocationTime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hygge.function.max-timeout must be positive: PT0S");
  }
}
