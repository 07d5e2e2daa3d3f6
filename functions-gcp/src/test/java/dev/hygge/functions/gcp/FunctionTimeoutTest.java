package dev.hygge.functions.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The time an invocation has left, counted from its start against the deployed timeout. */
class FunctionTimeoutTest {
  private static final Instant STARTED = Instant.parse("2026-11-27T20:00:00Z");

  private static FunctionTimeout timeout(Duration timeout) {
    return new FunctionTimeout(timeout);
  }

  @Test
  void remainingIsTheTimeoutLessWhatHasPassedSinceTheStart() {
    assertThat(timeout(Duration.ofSeconds(540)).remaining(STARTED, STARTED.plusSeconds(40)))
        .isEqualTo(Duration.ofSeconds(500));
  }

  @Test
  void aTimeoutMustBePositive() {
    assertThatThrownBy(() -> new FunctionTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hygge.function.timeout must be positive: PT0S");
  }

  @Test
  void remainingIsNeverNegative() {
    assertThat(timeout(Duration.ofSeconds(60)).remaining(STARTED, STARTED.plusSeconds(61)))
        .isEqualTo(Duration.ZERO);
  }
}
